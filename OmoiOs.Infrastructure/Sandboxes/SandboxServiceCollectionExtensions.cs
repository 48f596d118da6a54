using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Application;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Agents;
using OmoiOs.Infrastructure.Execution;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Infrastructure.Repositories;
using OmoiOs.Infrastructure.Sandboxes.Daytona;
using OmoiOs.Infrastructure.Sandboxes.Local;
using OmoiOs.Infrastructure.Workspaces;

namespace OmoiOs.Infrastructure.Sandboxes;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers task execution: the sandbox chosen by <c>OMOI_SANDBOX</c> (local bubblewrap or Daytona), the command-line
    /// agent runner with the agents on offer (<c>OMOI_AGENT</c>, <c>OMOI_AGENTS__*</c>), task workspaces and <see cref="ITaskRunner"/>. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddSandboxes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>().Bind(configuration)
            .PostConfigure<IOptions<DataDirectoryOptions>>((options, data) =>
            {
                if (string.IsNullOrWhiteSpace(options.WorkspaceRoot))
                {
                    options.WorkspaceRoot = data.Value.Folder(DataDirectoryOptions.WorkspacesFolder);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddOptions<AgentOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddSingleton(sp => AgentPresets.Catalog(sp.GetRequiredService<IOptions<AgentOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TaskWorkspaces>();
        services.AddSingleton<IAgentRunner, CommandAgentRunner>();
        services.AddOptions<ExecutionOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SandboxCheckResolver>();
        services.AddSingleton<SandboxTaskRunner>();
        services.AddSingleton<ITaskRunner>(sp => new ConcurrencyLimitedTaskRunner(
            sp.GetRequiredService<SandboxTaskRunner>(),
            sp.GetRequiredService<IOptions<ExecutionOptions>>().Value.MaxConcurrentTasks));
        services.AddSingleton(sp =>
        {
            var execution = sp.GetRequiredService<IOptions<ExecutionOptions>>().Value;
            return new SpecDefaults(execution.MaxParallelTasks, (int)execution.TaskTimeout.TotalSeconds);
        });

        var chosen = new SandboxOptions();
        configuration.Bind(chosen);
        if (string.Equals(chosen.Provider, SandboxOptions.Daytona, StringComparison.Ordinal))
        {
            services.AddOptions<DaytonaOptions>().Bind(configuration).ValidateDataAnnotations()
                .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "OMOI_DAYTONA_API_KEY is required when OMOI_SANDBOX=daytona.")
                .ValidateOnStart();
            // The client lives as long as the provider (a singleton), so connections are recycled by the handler instead.
            services.AddHttpClient<DaytonaClient>()
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                .AddStandardResilienceHandler(options =>
                {
                    // A retried POST could create a second sandbox that nobody deletes: retry only idempotent calls.
                    options.Retry.DisableForUnsafeHttpMethods();
                    options.Retry.Delay = TimeSpan.FromMilliseconds(500);
                    options.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                    options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
                    options.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(5);
                });
            services.AddSingleton<ISandboxProvider, DaytonaSandboxProvider>();
        }
        else
        {
            services.AddSingleton<ISandboxProvider, LocalSandboxProvider>();
        }

        return services;
    }
}
