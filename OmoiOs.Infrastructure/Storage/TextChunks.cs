using System.Text;
using Azure.Data.Tables;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// Text of any length in table rows: UTF-8 split into 64 KB binary columns, ten per row, behind a head row that
/// records the length and which write's part rows hold the text. Each write puts its parts under a new write id and
/// switches the head to them last (in the same transaction when the text fits one), so a write cut off midway leaves
/// readers the previous text whole, never a mix; the previous write's parts are deleted afterwards. Readers check the
/// length, so a missing part is never read as whole.
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
        ArgumentNullException.ThrowIfNull(text);
        var previous = await table.FindAsync(partitionKey, headRowKey, cancellationToken).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = (bytes.Length + BytesPerRow - 1) / BytesPerRow;
        var write = Guid.NewGuid().ToString("N")[..16];
        var parts = Enumerable.Range(0, rows)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ChunkRow(partitionKey, PartKey(headRowKey, write, i), i, bytes)))
            .ToList();
        var head = new TableTransactionAction(TableTransactionActionType.UpsertReplace, Head(partitionKey, headRowKey, write, rows, bytes.LongLength));
        if (rows <= PartRowsPerTransaction)
        {
            await table.SubmitAsync([.. parts, head], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Binary travels base64-encoded: 10 columns make an ~870 KB row, and three rows stay under a transaction's 4 MB.
            foreach (var batch in parts.Chunk(3))
            {
                await table.SubmitAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            await table.SubmitAsync([head], cancellationToken).ConfigureAwait(false);
        }

        if (previous is not null)
        {
            foreach (var rowKey in PartKeys(previous))
            {
                await table.DeleteAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static async Task<string?> ReadAsync(RecordTable table, string partitionKey, string headRowKey, CancellationToken cancellationToken)
    {
        var head = await table.FindAsync(partitionKey, headRowKey, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var length = head.GetInt64("bytes") ?? 0;
        var buffer = new byte[length];
        var offset = 0;
        var keys = PartKeys(head);
        var filter = $"PartitionKey eq '{RowKeys.Escape(partitionKey)}' and {RowKeys.PrefixFilter(PartPrefix(headRowKey, head.GetString("write")))}";
        var entities = (await table.QueryListAsync(filter, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        foreach (var row in keys.Select(key => entities.GetValueOrDefault(key)).TakeWhile(row => row is not null))
        {
            for (var column = 0; column < ColumnsPerRow && offset < length; column++)
            {
                var part = row!.GetBinary($"c{column}") ?? throw new InvalidDataException($"Text {headRowKey} of {partitionKey} is missing a part.");
                var count = (int)Math.Min(part.Length, length - offset);
                part.AsSpan(0, count).CopyTo(buffer.AsSpan(offset));
                offset += count;
            }
        }

        return offset == length
            ? Encoding.UTF8.GetString(buffer)
            : throw new InvalidDataException($"Text {headRowKey} of {partitionKey} has {offset} of its {length} bytes.");
    }

    private static TableEntity Head(string partitionKey, string headRowKey, string write, int rows, long bytes) =>
        new(partitionKey, headRowKey) { ["kind"] = "text", ["write"] = write, ["rows"] = rows, ["bytes"] = bytes };

    /// <summary>The row keys of the parts a head points to, in order.</summary>
    private static List<string> PartKeys(TableEntity head) =>
        Enumerable.Range(0, head.GetInt32("rows") ?? 0).Select(i => PartKey(head.RowKey, head.GetString("write"), i)).ToList();

    // Heads written before part rows had write ids name none; their parts are "<head>|<index>".
    private static string PartPrefix(string headRowKey, string? write) => write is null ? $"{headRowKey}|" : $"{headRowKey}|{write}|";

    private static string PartKey(string headRowKey, string? write, int index) =>
        PartPrefix(headRowKey, write) + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ChunkRow(string partitionKey, string rowKey, int index, byte[] bytes)
    {
        var row = new TableEntity(partitionKey, rowKey) { ["kind"] = "text_part" };
        var start = index * BytesPerRow;
        for (var column = 0; column < ColumnsPerRow && start + (column * BytesPerColumn) < bytes.Length; column++)
        {
            var from = start + (column * BytesPerColumn);
            row[$"c{column}"] = bytes.AsSpan(from, Math.Min(BytesPerColumn, bytes.Length - from)).ToArray();
        }

        return row;
    }
}
