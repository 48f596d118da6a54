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
/// The host's worker of a harness's task hub, except that the first task attempt it answers comes back as a message that
/// outlived history the store lost would deliver it: the result of another task's attempt (<see cref="AnotherTask"/>), or
/// the result of another call altogether (<see cref="AnotherCall"/>).
/// </summary>
internal sealed class StaleResultWorker : IAsyncDisposable
{
    public const string OtherTaskId = "task-from-lost-history";
    private readonly TaskHubWorker _worker;

    private StaleResultWorker(AzureStorageOrchestrationService service, IServiceProvider services, Func<TaskAttemptResult, object> firstAnswer)
    {
        var attempt = WorkflowActivityCatalog.NameOf<RunTaskAttemptActivity>();
        _worker = TaskHubWorkerHost.CreateWorker(service, NullLoggerFactory.Instance, activity =>
            activity.Name == attempt ? new FirstAnswerStale(services, firstAnswer) : CoreActivity.For(activity, services));
    }

    public static TaskAttemptResult AnotherTask(TaskAttemptResult result) => result with { TaskId = OtherTaskId };

    /// <summary>What another activity of the workflow returns: a list of ids, which no task attempt result reads as.</summary>
    public static object AnotherCall(TaskAttemptResult result) => new[] { result.TaskId };

    public static async Task<StaleResultWorker> StartAsync(ServicesHarness services, Func<TaskAttemptResult, object> firstAnswer)
    {
        services.UsesHub();
        var service = services.Get<AzureStorageOrchestrationService>();
        await service.CreateIfNotExistsAsync();
        var worker = new StaleResultWorker(service, services.Get<IServiceProvider>(), firstAnswer);
        await worker._worker.StartAsync();
        return worker;
    }

    public async ValueTask DisposeAsync() => await _worker.StopAsync(isForced: true);

    private sealed class FirstAnswerStale(IServiceProvider services, Func<TaskAttemptResult, object> firstAnswer) : Microsoft.DurableTask.TaskActivity<RunTaskAttemptInput, object>
    {
        private int _answered;

        public override async Task<object> RunAsync(TaskActivityContext context, RunTaskAttemptInput input)
        {
            var result = await services.GetRequiredService<RunTaskAttemptActivity>().RunAsync(input, CancellationToken.None);
            return Interlocked.Increment(ref _answered) == 1 ? firstAnswer(result) : result;
        }
    }
}
