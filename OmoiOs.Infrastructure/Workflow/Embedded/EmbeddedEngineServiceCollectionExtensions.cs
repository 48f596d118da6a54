using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Infrastructure.Workflow.Embedded;

public static class EmbeddedEngineServiceCollectionExtensions
{
    /// <summary>Registers the embedded engine as the host's <see cref="IWorkflowClient"/> (the local host; Azure uses Durable Functions).</summary>
    public static IServiceCollection AddEmbeddedWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddedEngineOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var client = sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
            var prefix = sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
            return new WorkflowHistoryStore(new RecordTable(client, prefix + "Instances"), new RecordTable(client, prefix + "History"));
        });
        services.AddSingleton(sp => new EmbeddedWorkflowEngine(
            sp.GetRequiredService<WorkflowHistoryStore>(),
            sp.GetRequiredService<WorkflowActivities>(),
            sp.GetRequiredService<IOptions<EmbeddedEngineOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EmbeddedWorkflowEngine>>()));
        services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<EmbeddedWorkflowEngine>());
        return services;
    }
}
