using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OmoiOs.Core.Application;
using OmoiOs.Infrastructure.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Durable;
using OmoiOs.Local.Server.Endpoints;
using OmoiOs.Local.Server.Security;

namespace OmoiOs.Local.Server;

/// <summary>The local HTTP host: ASP.NET Core from the shared framework, on 127.0.0.1 unless told otherwise (then only with a token).</summary>
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
            kestrel.Listen(options.ListenAddress, options.Port);
            kestrel.Limits.MaxRequestBodySize = JsonRequestBody.MaxBytes;
            kestrel.Limits.MaxRequestLineSize = RequestLimits.KestrelRequestLineLimit;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelHeadersLimit;
        });
        builder.Services.AddOmoiInfrastructure(builder.Configuration);
        builder.Services.AddTaskHub(builder.Configuration);
        builder.Services.AddLocalApi();
        builder.Services.AddLocalSecurity(builder.Configuration, options.ListenAddress);

        await StorageSettings.EnsureAzuriteAsync(builder.Configuration, cancellationToken);

        var app = builder.Build();
        app.MapLocalApi();
        app.MapWebView();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public TaskHubWorkflowClient Workflows => _app.Services.GetRequiredService<TaskHubWorkflowClient>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
