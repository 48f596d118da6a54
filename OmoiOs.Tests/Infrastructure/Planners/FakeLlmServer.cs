using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Tests.Infrastructure.Planners;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that answers each request with the next scripted
/// reply and records what it received and when, for asserting on the protocol and on retry delays.
/// </summary>
internal sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private FakeLlmServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<FakeLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FakeLlmServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public FakeLlmServer Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = _clock.Elapsed;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            receivedAt));

        if (!_replies.TryDequeue(out var reply))
        {
            reply = FakeReply.Json("""{"error":{"message":"the fake server has no reply scripted for this request"}}""", StatusCodes.Status418ImATeapot);
        }

        if (reply.Hang)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}

/// <summary>One scripted answer of <see cref="FakeLlmServer"/>.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    public static FakeReply Json(string body, int status = StatusCodes.Status200OK) => new(status, body, new Dictionary<string, string>());

    public static FakeReply Error(int status, string? retryAfterSeconds = null) => new(
        status,
        $$$"""{"error":{"message":"scripted {{{status}}}","type":"server_error"}}""",
        retryAfterSeconds is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds });

    public static FakeReply Hanging() => new(StatusCodes.Status200OK, "{}", new Dictionary<string, string>(), Hang: true);
}

/// <summary>A request as <see cref="FakeLlmServer"/> received it; <see cref="ReceivedAt"/> is measured from the server's start.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan ReceivedAt)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request had an empty JSON body.");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
