using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Functions.Workflow;

/// <summary>The orchestrator function: Core's <see cref="SpecWorkflow"/> on Durable's context.</summary>
public static class SpecWorkflowFunction
{
    [Function(WorkflowNames.SpecWorkflow)]
    public static Task<SpecWorkflowResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<SpecWorkflowInput>()
            ?? throw new InvalidOperationException($"{WorkflowNames.SpecWorkflow} instance {context.InstanceId} was started without its input.");
        return SpecWorkflow.RunAsync(new DurableWorkflowContext(context), input);
    }
}
