using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Functions.Http;

namespace OmoiOs.Functions.DependencyInjection;

/// <summary>The Functions host's own services; storage, planners and the rest come from their layers' <c>AddXyz</c>.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddOmoiFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The worker's default serializer keeps .NET's PascalCase names; the API is camelCase.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(ApiJson.Options));
        return services;
    }
}
