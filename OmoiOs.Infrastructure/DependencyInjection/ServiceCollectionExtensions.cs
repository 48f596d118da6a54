using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmoiOs.Core.DependencyInjection;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Sandboxes;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Infrastructure.Workflow;

namespace OmoiOs.Infrastructure.DependencyInjection;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything OmoiOs needs below the hosts: Core's services, storage, planners, sandboxes.</summary>
    public static IServiceCollection AddOmoiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, GuidIdGenerator>();
        services.AddOptions<DataDirectoryOptions>().Bind(configuration);
        services.AddOptions<RepositoryOptions>().Bind(configuration);
        services.AddOptions<RunHistoryOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RunHistoryPurge>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RepositoryOptions>>().Value.Policy());
        services.TryAddSingleton<IRepositoryLocator, GitRepositoryLocator>();
        services.AddOmoiCore();
        services.AddTableStorage(configuration);
        services.AddHeuristicPlanner();
        services.AddPlanners(configuration);
        services.AddSandboxes(configuration);
        return services;
    }
}
