using System.Collections.Immutable;

namespace Microsoft.DurableTask;

/// <summary>Options for starting an orchestration: its instance id (readable ids help the monitor) and start time.</summary>
public record StartOrchestrationOptions
{
#pragma warning disable CA1707 // PascalCase parameter names: the real record keeps them for positional-record compatibility
    public StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
#pragma warning restore CA1707
    {
        this.InstanceId = InstanceId;
        this.StartAt = StartAt;
    }

    public StartOrchestrationOptions(StartOrchestrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InstanceId = options.InstanceId;
        StartAt = options.StartAt;
        Tags = options.Tags;
        Version = options.Version;
        DedupeStatuses = options.DedupeStatuses;
    }

    public string? InstanceId { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();

    public TaskVersion? Version { get; init; }

    public IReadOnlyList<string>? DedupeStatuses { get; init; }
}
