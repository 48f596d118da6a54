using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmoiOs.Core.Application;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Review;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;

namespace OmoiOs.Core.DependencyInjection;

public static class ServiceCollectionExtensions
{
    /// <summary>The application services, pipeline services and workflow activities; their ports come from Infrastructure.</summary>
    public static IServiceCollection AddOmoiCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PhaseEvaluator>();
        services.TryAddSingleton<PhaseRunner>();
        services.TryAddSingleton<PlanDocuments>();
        services.TryAddSingleton<SyncService>();
        services.TryAddSingleton<ExecutionBridge>();
        services.TryAddSingleton<SpecRequestValidator>();
        services.TryAddSingleton<SpecService>();
        services.TryAddSingleton<SpecEventFeed>();
        services.TryAddSingleton<EndedRunReconciler>();
        services.TryAddSingleton<RecordQueries>();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<ExecutionInputsCache>();
        foreach (var activity in WorkflowActivityCatalog.All)
        {
            services.TryAddSingleton(activity.ActivityType);
        }

        return services;
    }
}
