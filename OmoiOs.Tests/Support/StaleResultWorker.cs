using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Support;

/// <summary>
/// The host's worker of a harness's task hub, except that the first task attempt it answers comes back naming another
/// task: what a message that outlived history the store lost delivers.
/// </summary>
internal sealed class StaleResultWorker : IAsyncDisposable
{
    public const string OtherTaskId = "task-from-lost-history";
    private readonly TaskHubWorker _worker;

    private StaleResultWorker(AzureStorageOrchestrationService service, IServiceProvider services)
    {
        var attempt = WorkflowActivityCatalog.NameOf<RunTaskAttemptActivity>();
        _worker = TaskHubWorkerHost.CreateWorker(service, NullLoggerFactory.Instance, activity =>
            activity.Name == attempt ? new FirstAnswerStale(services) : CoreActivity.For(activity, services));
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

    private sealed class FirstAnswerStale(IServiceProvider services) : Microsoft.DurableTask.TaskActivity<RunTaskAttemptInput, TaskAttemptResult>
    {
        private int _answered;

        public override async Task<TaskAttemptResult> RunAsync(TaskActivityContext context, RunTaskAttemptInput input)
        {
            var result = await services.GetRequiredService<RunTaskAttemptActivity>().RunAsync(input, CancellationToken.None);
            return Interlocked.Increment(ref _answered) == 1 ? result with { TaskId = OtherTaskId } : result;
        }
    }
}
