using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>
/// Phase outputs and agent logs of any length, stored whole in the spec's partition (see <see cref="TextChunks"/>):
/// a reader sees the previous text or the new one, never part of a write.
/// </summary>
internal sealed class TableLargeTextStore(RecordTable table) : ILargeTextStore
{
    public Task WriteAsync(string specId, string key, string text, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(text);
        PartitionGuard.EnsureAll(specId, []);
        return TextChunks.WriteAsync(table, specId, RowKeys.TextHead(key), text, cancellationToken);
    }

    public Task<string?> ReadAsync(string specId, string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return TextChunks.ReadAsync(table, specId, RowKeys.TextHead(key), cancellationToken);
    }

    private static void EnsureKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.IndexOfAny(['/', '\\', '#', '?', '|']) >= 0 || key.Any(char.IsControl))
        {
            throw new ArgumentException($"Text key '{key}' may not contain / \\ # ? | or control characters.", nameof(key));
        }
    }
}
