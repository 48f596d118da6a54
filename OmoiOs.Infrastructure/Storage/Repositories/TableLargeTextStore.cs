using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>
/// Phase outputs and agent logs of any length, stored whole in the spec's partition (see <see cref="TextChunks"/>).
/// A short text and its head are one transaction.
/// </summary>
internal sealed class TableLargeTextStore(RecordTable table, SpecPartitionWriter writer) : ILargeTextStore
{
    public async Task WriteAsync(string specId, string key, string text, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        ArgumentNullException.ThrowIfNull(text);
        PartitionGuard.EnsureAll(specId, []);
        if (TextChunks.SingleTransaction(specId, RowKeys.TextHead(key), text) is { } atomic)
        {
            await writer.CommitAsync(specId, atomic, [], cancellationToken).ConfigureAwait(false);
            return;
        }

        await TextChunks.WriteAsync(table, specId, RowKeys.TextHead(key), text, cancellationToken).ConfigureAwait(false);
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
