using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>
/// The Functions app builder. Offline it cannot be created (its constructor is internal, as in the real package,
/// and <see cref="FunctionsApplication.CreateBuilder"/> throws), so no member below is ever reached.
/// </summary>
public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    internal FunctionsApplicationBuilder()
    {
    }

    public IDictionary<object, object> Properties => throw OfflineSurface.NeedsHost(nameof(Properties));

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    public ConfigurationManager Configuration => throw OfflineSurface.NeedsHost(nameof(Configuration));

    public IHostEnvironment Environment => throw OfflineSurface.NeedsHost(nameof(Environment));

    public ILoggingBuilder Logging => throw OfflineSurface.NeedsHost(nameof(Logging));

    public IMetricsBuilder Metrics => throw OfflineSurface.NeedsHost(nameof(Metrics));

    public IServiceCollection Services => throw OfflineSurface.NeedsHost(nameof(Services));

    public IHost Build() => throw OfflineSurface.NeedsHost(nameof(Build));

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        throw OfflineSurface.NeedsHost(nameof(ConfigureContainer));

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) =>
        throw OfflineSurface.NeedsHost(nameof(Use));
}
