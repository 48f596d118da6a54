namespace OmoiOs.Core.Workflow.Activities;

/// <summary>
/// One activity of <see cref="SpecWorkflow"/>: one input record in, one output record out, idempotent (an engine may run
/// it again after a crash). Implementing this is all it takes to add an activity: <see cref="WorkflowActivityCatalog"/>
/// finds it, both hosts register it under <see cref="WorkflowActivityCatalog.NameOf"/> and the Functions app gets its trigger generated.
/// </summary>
public interface IWorkflowActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
