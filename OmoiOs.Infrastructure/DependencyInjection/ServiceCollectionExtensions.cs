using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmoiOs.Core.Application;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.DependencyInjection;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything OmoiOs needs below the hosts: storage, planners, sandboxes, application services.</summary>
    public static IServiceCollection AddOmoiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, GuidIdGenerator>();
        services.AddTableStorage(configuration);
        services.TryAddSingleton<HealthService>();
        return services;
    }
}
