using System.Text;
using Azure.Data.Tables;
using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>
/// Text of any length in the spec's partition: UTF-8 bytes split over binary columns of 64 KB, several per row,
/// behind a head row that records the length; readers check the length, so a partial write is never read as whole.
/// </summary>
internal sealed class TableLargeTextStore(RecordTable table, SpecPartitionWriter writer) : ILargeTextStore
{
    private const int BytesPerColumn = 64 * 1024;
    private const int ColumnsPerRow = 10;
    private const int BytesPerRow = BytesPerColumn * ColumnsPerRow;

    public async Task WriteAsync(string specId, string key, string text, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(text);
        PartitionGuard.EnsureAll(specId, []);
        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = (bytes.Length + BytesPerRow - 1) / BytesPerRow;

        // Binary travels base64-encoded: 10 columns make an ~870 KB row, and three rows stay under a transaction's 4 MB.
        var chunks = Enumerable.Range(0, rows).Select(i => ChunkRow(specId, key, i, bytes)).ToList();
        foreach (var batch in chunks.Chunk(3))
        {
            await table.SubmitAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), cancellationToken).ConfigureAwait(false);
        }

        var head = new TableEntity(specId, RowKeys.TextHead(key)) { ["kind"] = "text", ["rows"] = rows, ["bytes"] = bytes.LongLength };
        await writer.CommitAsync(specId, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, head)], [], cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadAsync(string specId, string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        var head = await table.FindAsync(specId, RowKeys.TextHead(key), cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var rows = head.GetInt32("rows") ?? 0;
        var length = head.GetInt64("bytes") ?? 0;
        var buffer = new byte[length];
        var offset = 0;
        var filter = $"PartitionKey eq '{RowKeys.Escape(specId)}' and {RowKeys.PrefixFilter(RowKeys.TextHead(key) + "|")}";
        var entities = await table.QueryListAsync(filter, cancellationToken).ConfigureAwait(false);
        foreach (var row in entities.OrderBy(e => e.RowKey, StringComparer.Ordinal).Take(rows))
        {
            for (var column = 0; column < ColumnsPerRow && offset < length; column++)
            {
                var part = row.GetBinary($"c{column}") ?? throw new InvalidDataException($"Text '{key}' of {specId} is missing a part.");
                var count = (int)Math.Min(part.Length, length - offset);
                part.AsSpan(0, count).CopyTo(buffer.AsSpan(offset));
                offset += count;
            }
        }

        if (offset != length)
        {
            throw new InvalidDataException($"Text '{key}' of {specId} has {offset} of its {length} bytes.");
        }

        return Encoding.UTF8.GetString(buffer);
    }

    private static void EnsureKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.IndexOfAny(['/', '\\', '#', '?', '|']) >= 0 || key.Any(char.IsControl))
        {
            throw new ArgumentException($"Text key '{key}' may not contain / \\ # ? | or control characters.", nameof(key));
        }
    }

    private static TableEntity ChunkRow(string specId, string key, int index, byte[] bytes)
    {
        var row = new TableEntity(specId, RowKeys.TextChunk(key, index)) { ["kind"] = "text_part" };
        var start = index * BytesPerRow;
        for (var column = 0; column < ColumnsPerRow && start + (column * BytesPerColumn) < bytes.Length; column++)
        {
            var from = start + (column * BytesPerColumn);
            row[$"c{column}"] = bytes.AsSpan(from, Math.Min(BytesPerColumn, bytes.Length - from)).ToArray();
        }

        return row;
    }
}
