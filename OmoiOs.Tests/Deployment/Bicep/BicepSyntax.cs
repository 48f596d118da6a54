namespace OmoiOs.Tests.Deployment.Bicep;

/// <summary>An expression of the Bicep subset infra/bicep uses. Line is 1-based in its file.</summary>
internal abstract record BicepExpression(int Line);

/// <summary>A string: literal text around <c>${...}</c> holes (Literals.Count == Holes.Count + 1).</summary>
internal sealed record BicepString(int Line, IReadOnlyList<string> Literals, IReadOnlyList<BicepExpression> Holes)
    : BicepExpression(Line)
{
    public bool IsPlain => Holes.Count == 0;

    /// <summary>The text of a string without holes.</summary>
    public string Value => IsPlain ? Literals[0] : throw new InvalidOperationException($"line {Line}: the string has interpolations.");

    /// <summary>The literal parts with each hole shown as <c>${…}</c>, for matching patterns.</summary>
    public string Shape => string.Join("${…}", Literals);
}

internal sealed record BicepNumber(int Line, long Value) : BicepExpression(Line);

internal sealed record BicepBool(int Line, bool Value) : BicepExpression(Line);

internal sealed record BicepNull(int Line) : BicepExpression(Line);

internal sealed record BicepIdentifier(int Line, string Name) : BicepExpression(Line);

internal sealed record BicepProperty(BicepExpression Key, BicepExpression Value)
{
    /// <summary>The key as written (identifier or plain string); null when the key is interpolated.</summary>
    public string? Name => Key switch
    {
        BicepIdentifier identifier => identifier.Name,
        BicepString { IsPlain: true } text => text.Value,
        _ => null,
    };
}

internal sealed record BicepObject(int Line, IReadOnlyList<BicepProperty> Properties) : BicepExpression(Line)
{
    public BicepExpression? this[string name] =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;
}

internal sealed record BicepArray(int Line, IReadOnlyList<BicepExpression> Items) : BicepExpression(Line);

internal sealed record BicepMemberAccess(int Line, BicepExpression Target, string Member, bool IsSafe) : BicepExpression(Line);

internal sealed record BicepIndex(int Line, BicepExpression Target, BicepExpression Index) : BicepExpression(Line);

/// <summary>A function call; Target is the namespace or object before the dot (az.tenant(), site.list()).</summary>
internal sealed record BicepCall(int Line, BicepExpression? Target, string Name, IReadOnlyList<BicepExpression> Arguments) : BicepExpression(Line);

internal sealed record BicepUnary(int Line, string Operator, BicepExpression Operand) : BicepExpression(Line);

internal sealed record BicepBinary(int Line, string Operator, BicepExpression Left, BicepExpression Right) : BicepExpression(Line);

internal sealed record BicepTernary(int Line, BicepExpression Condition, BicepExpression WhenTrue, BicepExpression WhenFalse) : BicepExpression(Line);

/// <summary><c>[for item in source: body]</c> or <c>[for (item, index) in source: body]</c>.</summary>
internal sealed record BicepFor(int Line, string Item, string? Index, BicepExpression Source, BicepExpression Body) : BicepExpression(Line);

/// <summary>The body of a conditional resource or module: <c>if (condition) { … }</c>.</summary>
internal sealed record BicepIf(int Line, BicepExpression Condition, BicepExpression Body) : BicepExpression(Line);

internal sealed record BicepDecorator(string Name, IReadOnlyList<BicepExpression> Arguments);

internal abstract record BicepStatement(int Line, string Name, IReadOnlyList<BicepDecorator> Decorators)
{
    public bool HasDecorator(string name) => Decorators.Any(d => d.Name == name);
}

internal sealed record BicepTargetScope(int Line, BicepExpression Value) : BicepStatement(Line, "targetScope", []);

internal sealed record BicepParam(int Line, string Name, string Type, BicepExpression? Default, IReadOnlyList<BicepDecorator> Decorators)
    : BicepStatement(Line, Name, Decorators);

internal sealed record BicepVar(int Line, string Name, BicepExpression Value, IReadOnlyList<BicepDecorator> Decorators)
    : BicepStatement(Line, Name, Decorators);

/// <summary><c>resource name 'Type@ApiVersion' [existing] = body</c>.</summary>
internal sealed record BicepResource(int Line, string Name, string Type, string ApiVersion, bool IsExisting, BicepExpression Body, IReadOnlyList<BicepDecorator> Decorators)
    : BicepStatement(Line, Name, Decorators)
{
    /// <summary>The object literal of the resource, looking through <c>if (…)</c>.</summary>
    public BicepObject Declaration => Body switch
    {
        BicepObject declaration => declaration,
        BicepIf { Body: BicepObject declaration } => declaration,
        _ => throw new InvalidOperationException($"line {Line}: resource '{Name}' is not declared with an object literal."),
    };

    public BicepObject? Properties => Declaration["properties"] as BicepObject;
}

internal sealed record BicepModule(int Line, string Name, string Path, BicepExpression Body, IReadOnlyList<BicepDecorator> Decorators)
    : BicepStatement(Line, Name, Decorators)
{
    public BicepObject Declaration => Body switch
    {
        BicepObject declaration => declaration,
        BicepIf { Body: BicepObject declaration } => declaration,
        _ => throw new InvalidOperationException($"line {Line}: module '{Name}' is not declared with an object literal."),
    };
}

internal sealed record BicepOutput(int Line, string Name, string Type, BicepExpression Value, IReadOnlyList<BicepDecorator> Decorators)
    : BicepStatement(Line, Name, Decorators);
