using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OmoiOs.Core.Application;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Embedded;
using OmoiOs.Local.Server.Endpoints;

namespace OmoiOs.Local.Server;

/// <summary>The local HTTP host: ASP.NET Core from the shared framework, bound to 127.0.0.1 only.</summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LocalServer> StartAsync(LocalServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = JsonRequestBody.MaxBytes;
        });
        builder.Services.AddOmoiInfrastructure(builder.Configuration);
        builder.Services.AddEmbeddedWorkflowEngine(builder.Configuration);
        builder.Services.AddLocalApi();

        await StorageSettings.EnsureAzuriteAsync(builder.Configuration, cancellationToken);

        var app = builder.Build();
        app.MapLocalApi();
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<EmbeddedWorkflowEngine>().ResumeAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public EmbeddedWorkflowEngine Engine => _app.Services.GetRequiredService<EmbeddedWorkflowEngine>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await Engine.DisposeAsync();
        await _app.DisposeAsync();
    }
}
