using System.Text;
using OmoiOs.Core.Ports;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class TableLargeTextStoreTests : IDisposable
{
    private readonly StorageHarness _storage = new();

    private ILargeTextStore Texts => _storage.Get<ILargeTextStore>();

    [Fact]
    public async Task WriteAsync_ThreeMegabytesOfMixedText_ReadsBackByteForByte()
    {
        var specId = TestRecords.NewSpecId();
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < 2_000_000; i++)
        {
            builder.Append("line ").Append(i).Append(" ünïcödé 😀 日本語\n");
        }

        var text = builder.ToString();
        Assert.True(Encoding.UTF8.GetByteCount(text) > 2_500_000);

        await Texts.WriteAsync(specId, "log:task-1:1", text, CancellationToken.None);

        Assert.Equal(text, await Texts.ReadAsync(specId, "log:task-1:1", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ShorterTextOverALongerOne_ReadsTheShorterOne()
    {
        var specId = TestRecords.NewSpecId();
        await Texts.WriteAsync(specId, "phase:design", new string('a', 2_000_000), CancellationToken.None);

        await Texts.WriteAsync(specId, "phase:design", "short", CancellationToken.None);

        Assert.Equal("short", await Texts.ReadAsync(specId, "phase:design", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_KeyNeverWritten_IsNull() =>
        Assert.Null(await Texts.ReadAsync(TestRecords.NewSpecId(), "phase:explore", CancellationToken.None));

    [Fact]
    public async Task WriteAsync_EmptyText_RoundTrips()
    {
        var specId = TestRecords.NewSpecId();

        await Texts.WriteAsync(specId, "empty", "", CancellationToken.None);

        Assert.Equal("", await Texts.ReadAsync(specId, "empty", CancellationToken.None));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a|b")]
    [InlineData("a#b")]
    public async Task WriteAsync_KeyWithACharacterTablesRefuse_ThrowsNamingKey(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Texts.WriteAsync(TestRecords.NewSpecId(), key, "x", CancellationToken.None));

        Assert.Equal("key", error.ParamName);
    }

    public void Dispose() => _storage.Dispose();
}
