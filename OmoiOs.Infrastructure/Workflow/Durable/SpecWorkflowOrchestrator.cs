using Microsoft.DurableTask;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>Core's <see cref="SpecWorkflow"/> as a Durable orchestrator: what the Functions app's orchestrator trigger and the local task hub both run.</summary>
public sealed class SpecWorkflowOrchestrator : TaskOrchestrator<SpecWorkflowInput, SpecWorkflowResult>
{
    public override Task<SpecWorkflowResult> RunAsync(TaskOrchestrationContext context, SpecWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SpecWorkflow.RunAsync(
            new DurableWorkflowContext(context),
            input ?? throw new InvalidOperationException($"{WorkflowNames.SpecWorkflow} instance {context.InstanceId} was started without its input."));
    }
}
