using System.Diagnostics;
using System.Net.Sockets;

namespace OmoiOs.Tests.Support;

/// <summary>
/// Makes sure an Azurite table endpoint answers on 127.0.0.1:10002, starting the npm-pinned one from the
/// repository when nothing listens. Tests never skip for lack of storage: without Azurite they fail.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const int TablePort = 10002;
    private Process? _started;

    public async Task InitializeAsync()
    {
        if (await IsListeningAsync())
        {
            return;
        }

        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not listening on 127.0.0.1:{TablePort} and {azurite} does not exist: run `npm ci` in {root}.");
        }

        var location = Path.Combine(root, ".azurite", "tests");
        Directory.CreateDirectory(location);
        _started = Process.Start(new ProcessStartInfo(azurite, ["--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(), "--location", location, "--silent", "--skipApiVersionCheck"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });

        for (var i = 0; i < 100 && !await IsListeningAsync(); i++)
        {
            await Task.Delay(100);
        }

        if (!await IsListeningAsync())
        {
            throw new InvalidOperationException("Azurite did not start listening within 10 s.");
        }
    }

    public Task DisposeAsync()
    {
        if (_started is { HasExited: false })
        {
            _started.Kill(entireProcessTree: true);
        }

        _started?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", TablePort).WaitAsync(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
