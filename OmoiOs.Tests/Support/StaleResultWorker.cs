using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A worker of a harness's task hub that runs the real workflow and activities, except that the first task attempt it
/// answers comes back naming another task: what a message that outlived history the store lost delivers.
/// </summary>
internal sealed class StaleResultWorker : IAsyncDisposable
{
    public const string OtherTaskId = "task-from-lost-history";
    private readonly TaskHubWorker _worker;
    private int _answered;

    private StaleResultWorker(AzureStorageOrchestrationService service, IServiceProvider services)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowDataConverter.Instance }, NullLoggerFactory.Instance);
        var orchestrations = new NamedObjectManager<TaskOrchestration>();
        orchestrations.Add(WorkflowNames.SpecWorkflow, () => shims.CreateOrchestration(WorkflowNames.SpecWorkflow, new SpecWorkflowOrchestrator()));
        var activities = new NamedObjectManager<TaskActivity>();
        var attempt = WorkflowActivityCatalog.NameOf<RunTaskAttemptActivity>();
        foreach (var activity in WorkflowActivityCatalog.All)
        {
            var shim = activity.Name == attempt
                ? shims.CreateActivity<RunTaskAttemptInput, TaskAttemptResult>(attempt, async (_, input) =>
                {
                    var result = await services.GetRequiredService<RunTaskAttemptActivity>().RunAsync(input!, CancellationToken.None);
                    return Interlocked.Increment(ref _answered) == 1 ? result with { TaskId = OtherTaskId } : result;
                })
                : shims.CreateActivity(activity.Name, CoreActivity.For(activity, services));
            activities.Add(activity.Name, () => shim);
        }

        _worker = new TaskHubWorker(service, orchestrations, activities, NullLoggerFactory.Instance) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
    }

    public static async Task<StaleResultWorker> StartAsync(ServicesHarness services)
    {
        services.UsesHub();
        var service = services.Get<AzureStorageOrchestrationService>();
        await service.CreateIfNotExistsAsync();
        var worker = new StaleResultWorker(service, services.Get<IServiceProvider>());
        await worker._worker.StartAsync();
        return worker;
    }

    public async ValueTask DisposeAsync() => await _worker.StopAsync(isForced: true);
}
