using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// This process as a worker of the task hub: the Durable Task Framework's <see cref="TaskHubWorker"/> on the Azure Storage
/// provider, running the same orchestrator and activities as the Functions app through durabletask-dotnet's shims.
/// Unfinished instances need no resuming: their messages wait in the hub's queues for whichever worker holds their partition.
/// </summary>
public sealed class TaskHubWorkerHost : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private TaskHubWorker? _worker;

    public TaskHubWorkerHost(AzureStorageOrchestrationService service, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _service = service;
        _services = services;
        _loggerFactory = loggerFactory;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            return;
        }

        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _worker = CreateWorker(_service, _loggerFactory, activity => CoreActivity.For(activity, _services));
        await _worker.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A worker of the task hub running the spec workflow and every catalogued activity, each through the adapter
    /// <paramref name="adapter"/> makes for it (the host's: the Core activity from its services; a test may stand in for one).
    /// </summary>
    internal static TaskHubWorker CreateWorker(AzureStorageOrchestrationService service, ILoggerFactory loggerFactory, Func<WorkflowActivityDescriptor, ITaskActivity> adapter)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowDataConverter.Instance }, loggerFactory);
        var orchestrations = new NamedObjectManager<TaskOrchestration>();
        orchestrations.Add(WorkflowNames.SpecWorkflow, () => shims.CreateOrchestration(WorkflowNames.SpecWorkflow, new SpecWorkflowOrchestrator()));
        var activities = new NamedObjectManager<TaskActivity>();
        foreach (var activity in WorkflowActivityCatalog.All)
        {
            var shim = shims.CreateActivity(activity.Name, adapter(activity));
            activities.Add(activity.Name, () => shim);
        }

        return new TaskHubWorker(new AbandonFailureRepair(service, loggerFactory.CreateLogger<AbandonFailureRepair>()), orchestrations, activities, loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
    }

    /// <summary>Stops taking work; what still runs is abandoned, and its messages reappear for the next worker after the takeover time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not { } worker)
        {
            return;
        }

        _worker = null;
        await worker.StopAsync(isForced: true).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
