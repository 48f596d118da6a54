using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>
/// This process as a worker of the task hub: the Durable Task Framework's <see cref="TaskHubWorker"/> on the Azure Storage
/// provider, running the same orchestrator and activities as the Functions app through durabletask-dotnet's shims.
/// Unfinished instances need no resuming: their messages wait in the hub's queues for whichever worker holds their partition.
/// </summary>
public sealed partial class TaskHubWorkerHost : IHostedService, IAsyncDisposable
{
    // A provider stuck on storage that lost its state can take long to let go; the new engine does not wait for it.
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(30);

    private readonly Func<AzureStorageOrchestrationService> _createService;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskHubWorker? _worker;
    private AzureStorageOrchestrationService? _service;
    private bool _started;

    public TaskHubWorkerHost(IOptions<TaskHubOptions> hub, IOptions<StorageOptions> storage, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(storage);
        _createService = () => TaskHubService.Create(hub.Value, storage.Value, loggerFactory);
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<TaskHubWorkerHost>();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _worker ??= await StartWorkerAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Replaces a running engine with a new one on a new provider, which knows only what storage holds. The provider keeps
    /// partition leases, extended sessions, the activities it runs and its count of fetched messages in memory; when
    /// storage lost writes it had acknowledged, or that count leaked, stopping and starting the same provider keeps them.
    /// A restart whose start fails leaves no engine running; <see cref="StartIfDownAsync"/> starts one.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                return;
            }

            if (_worker is { } old)
            {
                _worker = null;
                await StopWorkerAsync(old).ConfigureAwait(false);
            }

            _worker = await StartWorkerAsync(cancellationToken).ConfigureAwait(false);
            Restarted(_logger);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts an engine when the host is running but has none: a restart stopped the last one and could not start the
    /// next (storage failing again under it). The watches that restart the engine call this every round.
    /// </summary>
    internal async Task StartIfDownAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started && _worker is null)
            {
                _worker = await StartWorkerAsync(cancellationToken).ConfigureAwait(false);
                Restarted(_logger);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The running engine's provider; null when it is not running.</summary>
    internal AzureStorageOrchestrationService? Service => _service;

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
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _started = false;
            if (_worker is { } worker)
            {
                _worker = null;
                await StopWorkerAsync(worker).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task<TaskHubWorker> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var service = _createService();
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var worker = CreateWorker(service, _loggerFactory, activity => CoreActivity.For(activity, _services));
        await worker.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _service = service;
        return worker;
    }

    private async Task StopWorkerAsync(TaskHubWorker worker)
    {
        _service = null;
        try
        {
            await worker.StopAsync(isForced: true).WaitAsync(StopDeadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            StopTimedOut(_logger, StopDeadline.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow engine restarted on a new provider, from what storage holds; work that was running resumes once its messages reappear.")]
    private static partial void Restarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workflow engine did not stop within {Seconds} s; left behind.")]
    private static partial void StopTimedOut(ILogger logger, double seconds);
}
