using System.Text;
using Azure.Data.Tables;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;
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
    public async Task WriteAsync_Rewritten_KeepsOnlyTheLatestWritesParts()
    {
        var specId = TestRecords.NewSpecId();
        await Texts.WriteAsync(specId, "log", new string('a', 4_000_000), CancellationToken.None);
        await Texts.WriteAsync(specId, "log", new string('b', 1_000_000), CancellationToken.None);

        await Texts.WriteAsync(specId, "log", new string('c', 3_000_000), CancellationToken.None);

        var rows = await _storage.Get<RecordTable>().QueryListAsync($"PartitionKey eq '{specId}'", CancellationToken.None);
        Assert.Equal(1 + 5, rows.Count(r => r.RowKey.StartsWith("text|log", StringComparison.Ordinal)));
        Assert.Equal(new string('c', 3_000_000), await Texts.ReadAsync(specId, "log", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_TextStoredBeforePartsHadWriteIds_ReadsIt()
    {
        var specId = TestRecords.NewSpecId();
        var table = _storage.Get<RecordTable>();
        await table.SubmitAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity(specId, "text|old|000000") { ["kind"] = "text_part", ["c0"] = Encoding.UTF8.GetBytes("stored before") }),
                new(TableTransactionActionType.Add, new TableEntity(specId, "text|old") { ["kind"] = "text", ["rows"] = 1, ["bytes"] = 13L }),
            ],
            CancellationToken.None);

        Assert.Equal("stored before", await Texts.ReadAsync(specId, "old", CancellationToken.None));
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
