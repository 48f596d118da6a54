using OmoiOs.Core.Errors;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

public sealed class StorageOutageTests : IDisposable
{
    // Nothing listens on the discard port of loopback: every request is refused at once.
    private readonly StorageHarness _storage = new(settings: new Dictionary<string, string?>
    {
        ["OMOI_STORAGE"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        ["OMOI_STORAGE_TIMEOUT"] = "00:00:02",
        ["OMOI_STORAGE_RETRIES"] = "1",
    });

    [Fact]
    public async Task GetAsync_StorageDown_ThrowsStorageUnavailableNamingTheEndpoint()
    {
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            _storage.Get<ISpecRepository>().GetAsync(TestRecords.NewSpecId(), CancellationToken.None));

        Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsReachableAsync_StorageDown_AnswersFalseInsteadOfHanging()
    {
        // The wait only guards against a hang; how fast it answers is not what this test measures.
        var reachable = await _storage.Get<IStorageHealthProbe>().IsReachableAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(reachable);
    }

    [Fact]
    public async Task GetAsync_StorageAcceptsButNeverAnswers_ThrowsStorageUnavailableNamingTheEndpoint()
    {
        // A listener that never accepts: the kernel completes the connection, the request is sent, no answer ever comes,
        // so every try ends on the client's network timeout (what a saturated storage looks like).
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
            using var storage = new StorageHarness(settings: new Dictionary<string, string?>
            {
                ["OMOI_STORAGE"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
                ["OMOI_STORAGE_TIMEOUT"] = "00:00:01",
                ["OMOI_STORAGE_RETRIES"] = "1",
            });

            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                storage.Get<ISpecRepository>().GetAsync(TestRecords.NewSpecId(), CancellationToken.None));

            Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            silent.Stop();
        }
    }

    public void Dispose() => _storage.Dispose();
}
