using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Functions.Workflow;

/// <summary>The orchestrator function: the same <see cref="SpecWorkflowOrchestrator"/> the local task hub runs.</summary>
public static class SpecWorkflowFunction
{
    private static readonly SpecWorkflowOrchestrator Orchestrator = new();

    [Function(WorkflowNames.SpecWorkflow)]
    public static Task<SpecWorkflowResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Orchestrator.RunAsync(context, context.GetInput<SpecWorkflowInput>()!);
    }
}
