using System.Collections.Immutable;

namespace Microsoft.DurableTask.Client;

/// <summary>
/// An instance's state as the client reads it. The <c>Read…As</c> methods need the instance to have been fetched
/// with inputs and outputs (a <see cref="DataConverter"/> set); otherwise they throw, as the real ones do.
/// </summary>
public sealed class OrchestrationMetadata
{
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public string InstanceId { get; }

    public DataConverter? DataConverter { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted =>
        RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => Converter(nameof(ReadInputAs)).Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => Converter(nameof(ReadOutputAs)).Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => Converter(nameof(ReadCustomStatusAs)).Deserialize<T>(SerializedCustomStatus);

    public override string ToString() =>
        $"[Name: '{Name}', ID: '{InstanceId}', RuntimeStatus: {RuntimeStatus}, CreatedAt: {CreatedAt:s}, LastUpdatedAt: {LastUpdatedAt:s}]";

    private DataConverter Converter(string method) =>
        DataConverter ?? throw new InvalidOperationException(
            $"The {method} method can only be used on {nameof(OrchestrationMetadata)} objects that are fetched with the option to include input and output data.");
}
