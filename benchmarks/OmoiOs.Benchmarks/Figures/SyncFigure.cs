using System.Diagnostics;
using Azure.Data.Tables;
using OmoiOs.Benchmarks.Support;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Sync;
using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Benchmarks.Figures;

/// <summary>
/// SYNC (issue 3): a plan of 300 requirements, 900 acceptance criteria and 1,000 tasks written by the real
/// <see cref="SyncService"/> (outputs read from the large-text store, records upserted in entity-group batches),
/// against the same entities written straight with Azure.Data.Tables in the same batches, and one request per
/// entity beside them. A warm-up round, then five rounds in alternating order; medians. Target: SyncService / raw batches &lt;= 1.3.
/// </summary>
public static class SyncFigure
{
    public const double Target = 1.3;

    private const int Requirements = 300;
    private const int Tasks = 1000;
    private const int Rounds = 5;
    private const int BulkConcurrency = 4;

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var figure = FigureServices.Create();
        var sync = figure.Get<SyncService>();
        var plan = SyntheticPlan.Create(Requirements, Tasks);
        var entityCount = Requirements + plan.CriteriaCount + Tasks;
        await output.WriteLineAsync(Invariant.Format(
            $"sync: {Requirements} requirements, {plan.CriteriaCount} criteria, {Tasks} tasks = {entityCount} entities into {figure.Records.Name}; {Rounds} rounds after a warm-up, SyncService and raw batches in alternating order, medians")).ConfigureAwait(false);

        await RoundAsync(figure, sync, SyntheticPlan.Create(30, 100), serviceFirst: true, cancellationToken).ConfigureAwait(false);
        var rounds = new List<Round>();
        for (var i = 0; i < Rounds; i++)
        {
            rounds.Add(await RoundAsync(figure, sync, plan, serviceFirst: i % 2 == 0, cancellationToken).ConfigureAwait(false));
        }

        // One request per entity is slow and far from the target, so it is measured once, on the last round's rows.
        var all = rounds[^1].Rows;
        var oneByOne = (await TimeAsync(partition => RawBatches.UpsertOneByOneAsync(figure.Records, RawBatches.InPartition(all, partition), BulkConcurrency, cancellationToken)).ConfigureAwait(false)).TotalMilliseconds;
        var sequential = (await TimeAsync(partition => RawBatches.UpsertOneByOneAsync(figure.Records, RawBatches.InPartition(all, partition), 1, cancellationToken)).ConfigureAwait(false)).TotalMilliseconds;

        var service = Invariant.Median(rounds.Select(r => r.Service.TotalMilliseconds));
        var batched = Invariant.Median(rounds.Select(r => r.RawBatches.TotalMilliseconds));
        var ratio = Invariant.Median(rounds.Select(r => r.Service / r.RawBatches));
        await WriteAsync(output, "SyncService (reads outputs, validates, upserts, stores the SYNC output)", service, entityCount).ConfigureAwait(false);
        await WriteAsync(output, $"raw Azure.Data.Tables, 100-entity transactions, {BulkConcurrency} at a time", batched, entityCount).ConfigureAwait(false);
        await WriteAsync(output, $"raw, one upsert per entity, {BulkConcurrency} at a time (once)", oneByOne, entityCount).ConfigureAwait(false);
        await WriteAsync(output, "raw, one upsert per entity, sequential (once)", sequential, entityCount).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"  per round, SyncService / raw batches: {string.Join(", ", rounds.Select(r => (r.Service / r.RawBatches).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant.Format(
            $"SyncService / raw batches = {ratio:F2} (median of rounds; target <= {Target:F1}: {(ratio <= Target ? "met" : "MISSED")}); one request per entity takes {oneByOne / batched:F1}x as long as batches ({sequential / batched:F1}x sequentially)")).ConfigureAwait(false);
    }

    private static Task WriteAsync(TextWriter output, string what, double milliseconds, int entities) =>
        output.WriteLineAsync(Invariant.Format($"  {what,-74} {milliseconds,8:F0} ms  {milliseconds / entities,6:F3} ms/entity"));

    private static async Task<Round> RoundAsync(FigureServices figure, SyncService sync, SyntheticPlan plan, bool serviceFirst, CancellationToken cancellationToken)
    {
        // The raw baseline writes exactly the rows SYNC writes, so it needs them first: a SYNC of the same plan into another spec.
        var table = figure.Records;
        var model = await plan.SeedAsync(figure.Services, SpecOptions.DefaultMaxParallelTasks, cancellationToken).ConfigureAwait(false);
        await SyncAsync(sync, model.Id, plan, cancellationToken).ConfigureAwait(false);
        var requirementRows = await ReadAsync(table, model.Id, RowKeys.RequirementPrefix, cancellationToken).ConfigureAwait(false);
        var criterionRows = await ReadAsync(table, model.Id, RowKeys.CriterionPrefix, cancellationToken).ConfigureAwait(false);
        var taskRows = await ReadAsync(table, model.Id, RowKeys.SpecTaskPrefix, cancellationToken).ConfigureAwait(false);

        var spec = await plan.SeedAsync(figure.Services, SpecOptions.DefaultMaxParallelTasks, cancellationToken).ConfigureAwait(false);
        Func<Task<TimeSpan>> service = async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await SyncAsync(sync, spec.Id, plan, cancellationToken).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(started);
        };
        Func<Task<TimeSpan>> raw = () => TimeAsync(async partition =>
        {
            await RawBatches.UpsertInTransactionsAsync(table, RawBatches.InPartition(requirementRows.Concat(criterionRows), partition), BulkConcurrency, cancellationToken).ConfigureAwait(false);
            await RawBatches.UpsertInTransactionsAsync(table, RawBatches.InPartition(taskRows, partition), BulkConcurrency, cancellationToken).ConfigureAwait(false);
        });

        TimeSpan serviceTime, rawTime;
        if (serviceFirst)
        {
            serviceTime = await service().ConfigureAwait(false);
            rawTime = await raw().ConfigureAwait(false);
        }
        else
        {
            rawTime = await raw().ConfigureAwait(false);
            serviceTime = await service().ConfigureAwait(false);
        }

        return new Round(serviceTime, rawTime, [.. requirementRows, .. criterionRows, .. taskRows]);
    }

    private static async Task SyncAsync(SyncService sync, string specId, SyntheticPlan plan, CancellationToken cancellationToken)
    {
        var result = await sync.SyncAsync(specId, cancellationToken).ConfigureAwait(false);
        if (!result.ReadyForExecution || result.TasksWritten != plan.Tasks.Tasks.Count)
        {
            throw new InvalidOperationException($"SYNC of the figure's plan did not write it: {string.Join("; ", result.Blockers)}");
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<string, Task> write)
    {
        var partition = RecordIds.NewSpecId(Guid.NewGuid());
        var started = Stopwatch.GetTimestamp();
        await write(partition).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<List<TableEntity>> ReadAsync(TableClient table, string specId, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{specId}' and {RowKeys.PrefixFilter(prefix)}", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    private sealed record Round(TimeSpan Service, TimeSpan RawBatches, List<TableEntity> Rows);
}
