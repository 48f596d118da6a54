using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A worker of a harness's task hub whose <c>SpecWorkflow</c> is different code: it calls an activity the real workflow never
/// calls, then waits for the approval event. What it leaves in the history is what a changed deployment would find.
/// </summary>
internal sealed class OtherCodeWorker : IAsyncDisposable
{
    private const string OtherActivity = "SomethingElse";
    private readonly TaskHubWorker _worker;
    private volatile bool _waitingForApproval;

    private OtherCodeWorker(AzureStorageOrchestrationService service)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowDataConverter.Instance }, NullLoggerFactory.Instance);
        var orchestrations = new NamedObjectManager<TaskOrchestration>();
        orchestrations.Add(WorkflowNames.SpecWorkflow, () => shims.CreateOrchestration<SpecWorkflowInput, string?>(WorkflowNames.SpecWorkflow, RunAsync));
        var activities = new NamedObjectManager<TaskActivity>();
        var activity = shims.CreateActivity<string?, string?>(OtherActivity, (_, _) => Task.FromResult<string?>("done"));
        activities.Add(OtherActivity, () => activity);
        _worker = new TaskHubWorker(service, orchestrations, activities, NullLoggerFactory.Instance) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
    }

    public bool WaitingForApproval => _waitingForApproval;

    public static async Task<OtherCodeWorker> StartAsync(ServicesHarness services)
    {
        services.UsesHub();
        var service = services.Get<AzureStorageOrchestrationService>();
        await service.CreateIfNotExistsAsync();
        var worker = new OtherCodeWorker(service);
        await worker._worker.StartAsync();
        return worker;
    }

    public async ValueTask DisposeAsync() => await _worker.StopAsync(isForced: true);

    private async Task<string?> RunAsync(TaskOrchestrationContext context, SpecWorkflowInput? input)
    {
        await context.CallActivityAsync<string>(OtherActivity, input?.SpecId);
        _waitingForApproval = true;
        return (await context.WaitForExternalEvent<ApprovalDecision>(WorkflowNames.ApprovalEvent)).Gate.ToString();
    }
}
