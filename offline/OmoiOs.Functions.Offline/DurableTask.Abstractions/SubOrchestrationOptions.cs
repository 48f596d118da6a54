namespace Microsoft.DurableTask;

/// <summary>Options of a sub-orchestration call, with its instance id and version.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options)
    {
        InstanceId = instanceId;
        if (options is SubOrchestrationOptions derived)
        {
            InstanceId = instanceId ?? derived.InstanceId;
            Version = derived.Version;
        }
    }

    public SubOrchestrationOptions(SubOrchestrationOptions options)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InstanceId = options.InstanceId;
        Version = options.Version;
    }

    public string? InstanceId { get; init; }

    public TaskVersion? Version { get; init; }
}
