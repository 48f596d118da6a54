using Azure.Data.Tables;

namespace OmoiOs.Benchmarks.Support;

/// <summary>Baselines written straight with Azure.Data.Tables: entity-group transactions of 100, or one request per entity.</summary>
public static class RawBatches
{
    public const int EntitiesPerTransaction = 100;

    /// <summary>Upserts <paramref name="entities"/> (all of one partition) in transactions of 100, <paramref name="concurrency"/> at a time.</summary>
    public static Task UpsertInTransactionsAsync(TableClient table, IReadOnlyList<TableEntity> entities, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            entities.Chunk(EntitiesPerTransaction),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token).ConfigureAwait(false));

    /// <summary>Upserts <paramref name="entities"/> one request each, <paramref name="concurrency"/> at a time.</summary>
    public static Task UpsertOneByOneAsync(TableClient table, IReadOnlyList<TableEntity> entities, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            entities,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (entity, token) => await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, token).ConfigureAwait(false));

    /// <summary>Copies of <paramref name="entities"/> in another partition, without store metadata.</summary>
    public static List<TableEntity> InPartition(IEnumerable<TableEntity> entities, string partitionKey) =>
        entities.Select(e =>
        {
            var copy = new TableEntity(partitionKey, e.RowKey);
            foreach (var (key, value) in e.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
            {
                copy[key] = value;
            }

            return copy;
        }).ToList();
}
