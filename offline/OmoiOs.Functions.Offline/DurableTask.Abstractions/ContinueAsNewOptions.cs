namespace Microsoft.DurableTask;

/// <summary>How an orchestration restarts itself with <c>ContinueAsNew</c>.</summary>
public class ContinueAsNewOptions
{
    public object? NewInput { get; set; }

    public bool PreserveUnprocessedEvents { get; set; } = true;

    public string? NewVersion { get; set; }
}
