using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.LocalDev;

namespace OmoiOs.Tests.Support;

/// <summary>
/// Makes sure an Azurite table endpoint answers on 127.0.0.1, starting the npm-pinned one from the repository when
/// nothing listens (the same launcher <c>omoi</c> uses), and stopping the one it started gracefully at the end.
/// Tests never skip for lack of storage: without Azurite they fail.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly AzuriteLauncher _launcher = new(NullLogger<AzuriteLauncher>.Instance);
    private readonly AzuriteSettings _settings = new(Path.Combine(RepositoryRoot.Find(), ".azurite", "tests"));
    private bool _started;

    public async Task InitializeAsync() =>
        _started = (await _launcher.EnsureRunningAsync(_settings, AppContext.BaseDirectory, CancellationToken.None)).Started;

    public async Task DisposeAsync()
    {
        if (_started)
        {
            var stop = await _launcher.StopAsync(_settings, TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.NotEqual(AzuriteStopOutcome.TimedOut, stop.Outcome);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
