using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Tests.Deployment;

/// <summary>
/// The setting keys code binds: every <c>[ConfigurationKeyName]</c> on a property of a type whose name
/// ends in "Options", in the given assemblies. New options classes are picked up without a test change.
/// </summary>
internal static class OptionsKeyCollector
{
    public static IReadOnlyDictionary<string, string> Collect(params Assembly[] assemblies) =>
        assemblies
            .SelectMany(LoadableTypes)
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(p => (Type: t, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)))
            .Where(x => !string.IsNullOrEmpty(x.Key))
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Type.FullName).Distinct()), StringComparer.Ordinal);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
