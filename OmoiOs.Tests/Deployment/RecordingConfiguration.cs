using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace OmoiOs.Tests.Deployment;

/// <summary>An empty configuration that remembers every key asked for, in app-setting form (<c>:</c> shown as <c>__</c>).</summary>
internal sealed class RecordingConfiguration(IReadOnlyDictionary<string, string?> values) : IConfiguration
{
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Requested => _requested;

    public string? this[string key]
    {
        get
        {
            _requested.Add(key.Replace(":", "__", StringComparison.Ordinal));
            return values.GetValueOrDefault(key);
        }

        set => throw new NotSupportedException("The recording configuration is read-only.");
    }

    public IConfigurationSection GetSection(string key) => throw new NotSupportedException($"Only flat keys are recorded ('{key}').");

    public IEnumerable<IConfigurationSection> GetChildren() => throw new NotSupportedException("Only flat keys are recorded.");

    public IChangeToken GetReloadToken() => throw new NotSupportedException("Only flat keys are recorded.");
}
