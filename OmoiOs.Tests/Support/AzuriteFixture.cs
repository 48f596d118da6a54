using Microsoft.Extensions.Logging.Abstractions;
using OmoiOs.Infrastructure.LocalDev;

namespace OmoiOs.Tests.Support;

/// <summary>
/// Makes sure an Azurite table endpoint answers on 127.0.0.1, starting the npm-pinned one from the repository when
/// nothing listens (the same launcher <c>omoi</c> uses). Tests never skip for lack of storage: without Azurite they fail.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteLauncher _launcher = new(NullLogger<AzuriteLauncher>.Instance);

    public Task InitializeAsync() =>
        _launcher.EnsureRunningAsync(AppContext.BaseDirectory, Path.Combine(RepositoryRoot.Find(), ".azurite", "tests"), CancellationToken.None);

    public Task DisposeAsync() => _launcher.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => _launcher.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
