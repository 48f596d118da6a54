using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OmoiOs.Tests.Infrastructure.Sandboxes.Daytona;

/// <summary>
/// A Daytona API on 127.0.0.1 speaking the REST protocol: sandboxes whose state advances one step per GET (slow starts,
/// error states), and a toolbox that really runs commands with /bin/sh on this machine, in sessions with async exec.
/// It records every deletion so tests can check that no sandbox is left behind.
/// </summary>
internal sealed class FakeDaytonaServer : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeSandbox> _sandboxes = new();
    private int _failGets;
    private int _nextId;

    private FakeDaytonaServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ApiUrl => BaseUrl + "/api";

    /// <summary>The states a new sandbox goes through, one per status poll; the last one sticks.</summary>
    public IReadOnlyList<string> States { get; set; } = ["creating", "starting", "started"];

    public ConcurrentQueue<string> Created { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public ConcurrentQueue<JsonElement> CreateBodies { get; } = new();

    public bool AllDeleted => Created.All(Deleted.Contains);

    /// <summary>The next <paramref name="count"/> status GETs answer 503.</summary>
    public void FailNextGets(int count) => Interlocked.Exchange(ref _failGets, count);

    public static async Task<FakeDaytonaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDaytonaServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sandbox in _sandboxes.Values)
        {
            sandbox.KillAll();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("{\"message\":\"unauthorized\"}");
                return;
            }

            await next(context);
        });

        app.MapPost("/api/sandbox", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            CreateBodies.Enqueue(body);
            var id = $"sbx-{Interlocked.Increment(ref _nextId)}";
            var sandbox = new FakeSandbox(id, States);
            _sandboxes[id] = sandbox;
            Created.Enqueue(id);
            return Results.Json(Dto(sandbox));
        });
        app.MapGet("/api/sandbox/{id}", (string id) =>
        {
            if (Interlocked.Decrement(ref _failGets) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (!_sandboxes.TryGetValue(id, out var sandbox))
            {
                return Results.NotFound();
            }

            sandbox.Advance();
            return Results.Json(Dto(sandbox));
        });
        app.MapDelete("/api/sandbox/{id}", (string id) =>
        {
            Deleted.Enqueue(id);
            if (_sandboxes.TryRemove(id, out var sandbox))
            {
                sandbox.KillAll();
            }

            return Results.Ok();
        });

        var toolbox = app.MapGroup("/toolbox/{id}");
        toolbox.MapPost("/process/execute", async (string id, HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var command = FakeCommand.Start(body.GetProperty("command").GetString()!);
            await command.Completion;
            return Results.Json(new { exitCode = command.ExitCode, result = command.Output });
        });
        toolbox.MapPost("/process/session", async (string id, HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            Sandbox(id).Sessions[body.GetProperty("sessionId").GetString()!] = new ConcurrentDictionary<string, FakeCommand>();
            return Results.Ok();
        });
        toolbox.MapDelete("/process/session/{sid}", (string id, string sid) =>
        {
            if (Sandbox(id).Sessions.TryRemove(sid, out var commands))
            {
                foreach (var command in commands.Values)
                {
                    command.Kill();
                }
            }

            return Results.Ok();
        });
        toolbox.MapPost("/process/session/{sid}/exec", async (string id, string sid, HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var command = FakeCommand.Start(body.GetProperty("command").GetString()!);
            var cmdId = Guid.NewGuid().ToString("N");
            Sandbox(id).Sessions[sid][cmdId] = command;
            return Results.Json(new { cmdId });
        });
        toolbox.MapGet("/process/session/{sid}/command/{cmdId}", (string id, string sid, string cmdId) =>
        {
            var command = Sandbox(id).Sessions[sid][cmdId];
            return Results.Json(new { id = cmdId, command = command.Text, exitCode = command.Completion.IsCompleted ? command.ExitCode : (int?)null });
        });
        toolbox.MapGet("/process/session/{sid}/command/{cmdId}/logs", (string id, string sid, string cmdId) =>
            Results.Text(Sandbox(id).Sessions[sid][cmdId].Output));
        toolbox.MapPost("/files/upload", async (string id, string path, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            await using var file = File.Create(path);
            await form.Files["file"]!.CopyToAsync(file);
            return Results.Ok();
        }).DisableAntiforgery();
        toolbox.MapGet("/files/download", (string id, string path) =>
            File.Exists(path) ? Results.Bytes(File.ReadAllBytes(path)) : Results.NotFound());
    }

    private FakeSandbox Sandbox(string id) => _sandboxes[id];

    private object Dto(FakeSandbox sandbox) => new
    {
        id = sandbox.Id,
        state = sandbox.State,
        toolboxProxyUrl = BaseUrl + "/toolbox",
        errorReason = sandbox.State is "error" or "build_failed" ? "image could not be built" : null,
    };

    private sealed class FakeSandbox(string id, IReadOnlyList<string> states)
    {
        private int _step;

        public string Id { get; } = id;

        public string State => states[Math.Min(_step, states.Count - 1)];

        public ConcurrentDictionary<string, ConcurrentDictionary<string, FakeCommand>> Sessions { get; } = new();

        public void Advance() => Interlocked.Increment(ref _step);

        public void KillAll()
        {
            foreach (var command in Sessions.Values.SelectMany(s => s.Values))
            {
                command.Kill();
            }
        }
    }

    private sealed class FakeCommand
    {
        private readonly Process _process;

        private FakeCommand(string text, Process process)
        {
            Text = text;
            _process = process;
            var output = process.StandardOutput.ReadToEndAsync();
            Completion = Task.Run(async () =>
            {
                Output = await output;
                await process.WaitForExitAsync();
                ExitCode = process.ExitCode;
            });
        }

        public string Text { get; }

        public string Output { get; private set; } = "";

        public int ExitCode { get; private set; }

        public Task Completion { get; }

        public static FakeCommand Start(string command)
        {
            var startInfo = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, WorkingDirectory = "/" };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(command);
            return new FakeCommand(command, Process.Start(startInfo)!);
        }

        public void Kill()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }
}
