using System.Globalization;
using OmoiOs.Tests.Deployment.Bicep;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// The value each app setting of the function app takes when main.bicep is deployed with given parameters and defaults:
/// a setting's parameter is followed through the functionApp module to main.bicep's default, and <c>string()</c>,
/// <c>==</c>, <c>!=</c> and <c>?:</c> are evaluated. A Key Vault reference stands for its secret once stored
/// (<see cref="StoredSecret"/>). Values known only at deployment (identity, endpoints, outputs) are left out.
/// </summary>
internal static class DeployedSettings
{
    public const string StoredSecret = "secret-from-key-vault";

    private const string FunctionAppPath = "modules/functionapp.bicep";
    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The settings for main.bicep deployed with <paramref name="parameters"/> (string values) and defaults for the rest.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyDictionary<string, string>? parameters = null)
    {
        var template = BicepSources.Template;
        parameters ??= new Dictionary<string, string>();
        Assert.All(parameters.Keys, name => Assert.Contains(template.Main.Params, p => p.Name == name));
        var functionApp = Assert.Single(template.Files, f => f.Path == FunctionAppPath);
        var module = Assert.Single(template.Main.Modules, m => m.Path == FunctionAppPath);
        var arguments = Assert.IsType<BicepObject>(module.Declaration["params"]);
        var given = new BicepObject(0, parameters
            .Select(p => new BicepProperty(new BicepIdentifier(0, p.Key), new BicepString(0, [p.Value], [])))
            .ToList());
        var deployment = new Scope(template.Main, given, new Scope(template.Main, null, null));
        var scope = new Scope(functionApp, arguments, deployment);

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in BicepSources.AppSettings.Properties)
        {
            if (Evaluate(setting.Value, scope) is { } value)
            {
                settings[setting.Name!] = Text(value);
            }
        }

        return settings;
    }

    /// <summary>A string, a long or a bool; null when the value is known only at deployment.</summary>
    internal static object? Evaluate(BicepExpression expression, Scope scope) => expression switch
    {
        BicepString { IsPlain: true } text => text.Value,
        BicepString text when text.Literals[0].StartsWith(KeyVaultReferencePrefix, StringComparison.Ordinal) => StoredSecret,
        BicepString text => Interpolate(text, scope),
        BicepNumber number => number.Value,
        BicepBool flag => flag.Value,
        BicepIdentifier identifier => Identifier(identifier.Name, scope),
        BicepCall { Target: null, Name: "string", Arguments: [var argument] } => Evaluate(argument, scope) is { } value ? Text(value) : null,
        BicepBinary { Operator: "==" or "!=" } binary => Compare(binary, scope),
        BicepTernary ternary => Evaluate(ternary.Condition, scope) is bool condition ? Evaluate(condition ? ternary.WhenTrue : ternary.WhenFalse, scope) : null,
        _ => null,
    };

    private static object? Identifier(string name, Scope scope)
    {
        if (scope.File.Params.FirstOrDefault(p => p.Name == name) is { } parameter)
        {
            return scope.Arguments?[name] is { } argument
                ? Evaluate(argument, scope.Caller!)
                : parameter.Default is { } fallback ? Evaluate(fallback, scope) : null;
        }

        return scope.File.Vars.Any(v => v.Name == name) ? Evaluate(scope.File.Resolve(new BicepIdentifier(0, name)), scope) : null;
    }

    private static string? Interpolate(BicepString text, Scope scope)
    {
        var holes = text.Holes.Select(h => Evaluate(h, scope)).ToList();
        return holes.Any(h => h is null)
            ? null
            : string.Concat(text.Literals.Select((literal, i) => i < holes.Count ? literal + Text(holes[i]!) : literal));
    }

    private static bool? Compare(BicepBinary binary, Scope scope)
    {
        if (Evaluate(binary.Left, scope) is not { } left || Evaluate(binary.Right, scope) is not { } right)
        {
            return null;
        }

        return Equals(left, right) == (binary.Operator == "==");
    }

    /// <summary>As ARM's <c>string()</c> writes it: booleans as True/False.</summary>
    private static string Text(object value) => value switch
    {
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    /// <summary>A file, and for a module the <c>params</c> its caller passes (evaluated in the caller's scope).</summary>
    internal sealed record Scope(BicepFile File, BicepObject? Arguments, Scope? Caller);
}
