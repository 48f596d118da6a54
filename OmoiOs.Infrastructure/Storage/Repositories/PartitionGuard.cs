using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Storage.Repositories;

/// <summary>Checks that records belong to the partition they are written to, and builds partition filters.</summary>
internal static class PartitionGuard
{
    public static void EnsureAll(string specId, IEnumerable<string> recordSpecIds)
    {
        if (!RecordIds.IsSpecId(specId))
        {
            throw new ValidationFailedException("specId", $"'{specId}' is not a spec id.");
        }

        if (recordSpecIds.FirstOrDefault(id => id != specId) is { } stranger)
        {
            throw new ValidationFailedException("specId", $"A record of spec '{stranger}' cannot be written with spec '{specId}'.");
        }
    }

    public static string Filter(string specId, string rowKeyPrefix) =>
        $"PartitionKey eq '{RowKeys.Escape(specId)}' and {RowKeys.PrefixFilter(rowKeyPrefix)}";

    /// <summary>The spec partition an id belongs to, or <see cref="NotFoundException"/> for an id that is not ours.</summary>
    public static string SpecOf(string kind, string id) =>
        RecordIds.TryGetSpecId(id, out var specId) ? specId : throw new NotFoundException(kind, id);
}
