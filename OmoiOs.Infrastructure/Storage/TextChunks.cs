using System.Text;
using Azure.Data.Tables;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// Text of any length in table rows: UTF-8 split into 64 KB binary columns, ten per row, behind a head row that
/// records the length; readers check the length, so a partial write is never read as whole.
/// </summary>
internal static class TextChunks
{
    private const int BytesPerColumn = 64 * 1024;
    private const int ColumnsPerRow = 10;
    private const int BytesPerRow = BytesPerColumn * ColumnsPerRow;

    // A text of up to this many part rows is written with its head in one transaction.
    private const int PartRowsPerTransaction = 2;

    public static async Task WriteAsync(RecordTable table, string partitionKey, string headRowKey, string text, CancellationToken cancellationToken)
    {
        if (SingleTransaction(partitionKey, headRowKey, text) is { } atomic)
        {
            await table.SubmitAsync(atomic, cancellationToken).ConfigureAwait(false);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = (bytes.Length + BytesPerRow - 1) / BytesPerRow;

        // Binary travels base64-encoded: 10 columns make an ~870 KB row, and three rows stay under a transaction's 4 MB.
        var chunks = Enumerable.Range(0, rows).Select(i => ChunkRow(partitionKey, headRowKey, i, bytes)).ToList();
        foreach (var batch in chunks.Chunk(3))
        {
            await table.SubmitAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), cancellationToken).ConfigureAwait(false);
        }

        await table.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, Head(partitionKey, headRowKey, rows, bytes.LongLength))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The upserts that store a text of at most two part rows (1.25 MB of UTF-8) together with its head, for one
    /// transaction; null for a longer text, which <see cref="WriteAsync"/> writes part by part and the head last.
    /// </summary>
    public static IReadOnlyList<TableTransactionAction>? SingleTransaction(string partitionKey, string headRowKey, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > BytesPerRow * PartRowsPerTransaction)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = (bytes.Length + BytesPerRow - 1) / BytesPerRow;
        return
        [
            .. Enumerable.Range(0, rows).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ChunkRow(partitionKey, headRowKey, i, bytes))),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Head(partitionKey, headRowKey, rows, bytes.LongLength)),
        ];
    }

    public static async Task<string?> ReadAsync(RecordTable table, string partitionKey, string headRowKey, CancellationToken cancellationToken)
    {
        var head = await table.FindAsync(partitionKey, headRowKey, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var rows = head.GetInt32("rows") ?? 0;
        var length = head.GetInt64("bytes") ?? 0;
        var buffer = new byte[length];
        var offset = 0;
        var filter = $"PartitionKey eq '{RowKeys.Escape(partitionKey)}' and {RowKeys.PrefixFilter(headRowKey + "|")}";
        var entities = await table.QueryListAsync(filter, cancellationToken).ConfigureAwait(false);
        foreach (var row in entities.OrderBy(e => e.RowKey, StringComparer.Ordinal).Take(rows))
        {
            for (var column = 0; column < ColumnsPerRow && offset < length; column++)
            {
                var part = row.GetBinary($"c{column}") ?? throw new InvalidDataException($"Text {headRowKey} of {partitionKey} is missing a part.");
                var count = (int)Math.Min(part.Length, length - offset);
                part.AsSpan(0, count).CopyTo(buffer.AsSpan(offset));
                offset += count;
            }
        }

        return offset == length
            ? Encoding.UTF8.GetString(buffer)
            : throw new InvalidDataException($"Text {headRowKey} of {partitionKey} has {offset} of its {length} bytes.");
    }

    private static TableEntity Head(string partitionKey, string headRowKey, int rows, long bytes) =>
        new(partitionKey, headRowKey) { ["kind"] = "text", ["rows"] = rows, ["bytes"] = bytes };

    private static TableEntity ChunkRow(string partitionKey, string headRowKey, int index, byte[] bytes)
    {
        var row = new TableEntity(partitionKey, $"{headRowKey}|{index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)}") { ["kind"] = "text_part" };
        var start = index * BytesPerRow;
        for (var column = 0; column < ColumnsPerRow && start + (column * BytesPerColumn) < bytes.Length; column++)
        {
            var from = start + (column * BytesPerColumn);
            row[$"c{column}"] = bytes.AsSpan(from, Math.Min(BytesPerColumn, bytes.Length - from)).ToArray();
        }

        return row;
    }
}
