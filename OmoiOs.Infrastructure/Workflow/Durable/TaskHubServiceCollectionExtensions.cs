using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Workflow;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Durable;

public static class TaskHubServiceCollectionExtensions
{
    /// <summary>
    /// The local hosts' engine: the task hub on the records' storage as <see cref="IWorkflowClient"/>, and
    /// <see cref="TaskHubWorkerHost"/> (a hosted service) to work on it. Beside it: <see cref="StorageOutageMonitor"/>
    /// says when storage stops and starts answering; <see cref="LostWritesWatch"/> and <see cref="PrefetchStallWatch"/>
    /// restart the engine when storage lost writes or the engine stopped fetching; <see cref="EndedRunSweep"/> settles
    /// specs whose run the engine ended; <see cref="RunHistoryPurgeSweep"/> deletes old runs' history.
    /// Azure uses Durable Functions instead.
    /// </summary>
    public static IServiceCollection AddTaskHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaskHubOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => TaskHubService.Create(
            sp.GetRequiredService<IOptions<TaskHubOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<TaskHubWorkflowClient>();
        services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<TaskHubWorkflowClient>());
        services.AddSingleton<TaskHubWorkerHost>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubWorkerHost>());
        services.AddHostedService<StorageOutageMonitor>();
        services.AddHostedService<LostWritesWatch>();
        services.AddHostedService<PrefetchStallWatch>();
        services.AddHostedService<EndedRunSweep>();
        services.AddHostedService<RunHistoryPurgeSweep>();
        return services;
    }
}
