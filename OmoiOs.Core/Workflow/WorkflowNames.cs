namespace OmoiOs.Core.Workflow;

public static class WorkflowNames
{
    public const string SpecWorkflow = nameof(SpecWorkflow);

    /// <summary>The external event an approval gate waits for.</summary>
    public const string ApprovalEvent = "approval";
}
