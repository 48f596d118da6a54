using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Sandboxes.Daytona;

public sealed class DaytonaSandboxProviderTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _root = new();
    private FakeDaytonaServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDaytonaServer.StartAsync();
        Directory.CreateDirectory(_root.Combine("ws", "src"));
        File.WriteAllText(_root.Combine("ws", "src", "a.txt"), "from the host\n");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateAsync_SlowStart_PollsUntilStartedAndWorkspaceIsUploaded()
    {
        _server.States = ["creating", "creating", "starting", "starting", "started"];
        await using var provider = CreateServices();

        await using (var sandbox = await Provider(provider).CreateAsync(Request(), CancellationToken.None))
        {
            var result = await sandbox.RunAsync(new SandboxCommand("cat src/a.txt; echo \"$GREETING\" > b.txt; pwd", Timeout)
            {
                Environment = new Dictionary<string, string> { ["GREETING"] = "it's remote" },
            }, CancellationToken.None);
            await sandbox.WriteFileAsync(".omoi/prompt.md", Encoding.UTF8.GetBytes("# prompt\n"), CancellationToken.None);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"from the host\n{_root.Combine("remote")}\n", result.Output);
            Assert.Equal("it's remote\n", Encoding.UTF8.GetString((await sandbox.ReadFileAsync("b.txt", CancellationToken.None))!));
            Assert.Equal("# prompt\n", File.ReadAllText(_root.Combine("remote", ".omoi", "prompt.md")));
            Assert.Null(await sandbox.ReadFileAsync("missing.txt", CancellationToken.None));
            Assert.Empty(_server.Deleted);
        }

        Assert.True(_server.AllDeleted);
        var body = Assert.Single(_server.CreateBodies);
        Assert.Equal("omoi-snapshot", body.GetProperty("snapshot").GetString());
        Assert.True(body.GetProperty("networkBlockAll").GetBoolean());
    }

    [Theory]
    [InlineData("error")]
    [InlineData("build_failed")]
    public async Task CreateAsync_SandboxEntersFailureState_ThrowsTypedErrorAndDeletesIt(string state)
    {
        _server.States = ["creating", state];
        await using var provider = CreateServices();

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => Provider(provider).CreateAsync(Request(), CancellationToken.None));

        Assert.Contains($"'{state}'", error.Message);
        Assert.Contains("image could not be built", error.Message);
        Assert.Single(_server.Created);
        Assert.True(_server.AllDeleted);
    }

    [Fact]
    public async Task CreateAsync_NeverStarts_TimesOutAndDeletesIt()
    {
        _server.States = ["creating"];
        await using var provider = CreateServices(("OMOI_DAYTONA_START_TIMEOUT", "00:00:00.300"));

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => Provider(provider).CreateAsync(Request(), CancellationToken.None));

        Assert.Contains("did not start within", error.Message);
        Assert.True(_server.AllDeleted);
    }

    [Fact]
    public async Task CreateAsync_CancelledWhileStarting_DeletesIt()
    {
        _server.States = ["creating"];
        await using var provider = CreateServices();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Provider(provider).CreateAsync(Request(), cancellation.Token));

        Assert.Single(_server.Created);
        Assert.True(_server.AllDeleted);
    }

    [Fact]
    public async Task CreateAsync_StatusPollFailsTransiently_RetriedByResilienceHandler()
    {
        _server.FailNextGets(1);
        await using var provider = CreateServices();

        await using (var sandbox = await Provider(provider).CreateAsync(Request(), CancellationToken.None))
        {
            Assert.Equal("ok\n", (await sandbox.RunAsync(new SandboxCommand("echo ok", Timeout), CancellationToken.None)).Output);
        }

        Assert.True(_server.AllDeleted);
    }

    [Fact]
    public async Task CreateAsync_WrongApiKey_ThrowsTypedError()
    {
        await using var provider = CreateServices(("OMOI_DAYTONA_API_KEY", "wrong"));

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => Provider(provider).CreateAsync(Request(), CancellationToken.None));

        Assert.Contains("401", error.Message);
        Assert.Empty(_server.Created);
    }

    [Fact]
    public async Task RunAsync_CommandOutlivesTimeout_TimedOutAndNextCommandRuns()
    {
        await using var provider = CreateServices();
        await using var sandbox = await Provider(provider).CreateAsync(Request(), CancellationToken.None);

        var slow = await sandbox.RunAsync(new SandboxCommand("sleep 30", TimeSpan.FromMilliseconds(300)), CancellationToken.None);
        var next = await sandbox.RunAsync(new SandboxCommand("echo next", Timeout), CancellationToken.None);

        Assert.True(slow.TimedOut);
        Assert.Equal("next\n", next.Output);
    }

    [Fact]
    public async Task RunAsync_FloodOfOutput_LogsCapped()
    {
        await using var provider = CreateServices();
        await using var sandbox = await Provider(provider).CreateAsync(Request(), CancellationToken.None);

        var result = await sandbox.RunAsync(new SandboxCommand("head -c 5000000 /dev/zero | tr '\\0' y; echo end", Timeout), CancellationToken.None);

        Assert.True(result.Truncated);
        Assert.Equal(5_000_004, result.TotalOutputBytes);
        Assert.EndsWith("yend\n", result.Output);
        Assert.True(result.Output.Length < 200_000);
    }

    private ServiceProvider CreateServices(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OMOI_SANDBOX"] = "daytona",
            ["OMOI_DAYTONA_API_URL"] = _server.ApiUrl,
            ["OMOI_DAYTONA_API_KEY"] = FakeDaytonaServer.ApiKey,
            ["OMOI_DAYTONA_SNAPSHOT"] = "omoi-snapshot",
            ["OMOI_DAYTONA_WORKSPACE_PATH"] = _root.Combine("remote"),
            ["OMOI_DAYTONA_POLL_INTERVAL"] = "00:00:00.010",
            ["OMOI_DAYTONA_MAX_POLL_INTERVAL"] = "00:00:00.050",
            ["OMOI_SANDBOX_OUTPUT_LIMIT_BYTES"] = "65536",
            ["OMOI_WORKSPACE_ROOT"] = _root.Combine("workspaces"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSandboxes(configuration).BuildServiceProvider();
    }

    private static ISandboxProvider Provider(IServiceProvider services) => services.GetRequiredService<ISandboxProvider>();

    private SandboxRequest Request() => new() { Name = "task-1", WorkspacePath = _root.Combine("ws") };

    public void Dispose() => _root.Dispose();
}
