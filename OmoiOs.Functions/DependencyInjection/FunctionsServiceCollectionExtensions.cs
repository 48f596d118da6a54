using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmoiOs.Core.Application;
using OmoiOs.Functions.Http;

namespace OmoiOs.Functions.DependencyInjection;

/// <summary>The Functions host's own services; storage, planners and the rest come from their layers' <c>AddXyz</c>.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddOmoiFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The worker's default serializer keeps .NET's PascalCase names; the API is camelCase. The Durable extension
        // wraps this same serializer as its data converter, so orchestration and activity inputs, outputs, events and
        // custom status use it too.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(ApiJson.Options));
        services.TryAddSingleton<ICheckStatusResponseFactory, DurableCheckStatusResponseFactory>();
        return services;
    }
}
