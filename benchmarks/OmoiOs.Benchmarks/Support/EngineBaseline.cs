using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Infrastructure.Storage;
using OmoiOs.Infrastructure.Storage.Mapping;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// What EXECUTE has to write at the least, written straight with Azure.Data.Tables: per task, the start (task
/// running + <c>task_started</c> event + event head) as one transaction, the agent's log (text part + head) as
/// one, and the verdict (task completed + spec task completed + <c>task_completed</c> event + event head) as one,
/// with the same number of tasks in flight as the engine. No reads, no history, no scheduling; the event numbers
/// come from an in-process counter, so these transactions never wait for each other.
/// </summary>
public static class EngineBaseline
{
    public static async Task<Result> RunAsync(FigureServices figure, Spec spec, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(spec);
        await figure.Get<ExecutionBridge>().BridgeAsync(spec.Id, null, cancellationToken).ConfigureAwait(false);
        var tasks = await figure.Get<IWorkTaskRepository>().ListAsync(spec.Id, cancellationToken).ConfigureAwait(false);
        var specTasks = (await figure.Get<ISpecTaskRepository>().ListAsync(spec.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var sequence = await figure.Get<ISpecEventRepository>().ListAsync(spec.Id, 0, int.MaxValue, cancellationToken).ConfigureAwait(false) is { Count: > 0 } events ? events[^1].Sequence : 0;
        var table = figure.Records;

        var before = figure.Requests.Take();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            tasks,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (task, token) =>
            {
                var now = DateTimeOffset.UtcNow;
                var running = task with { Status = WorkTaskStatus.Running, Attempts = 1, StartedAt = now, UpdatedAt = now };
                var startResponses = await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, WorkTaskEntityMapper.ToEntity(running), new ETag(task.Version!)),
                        .. EventActions(spec.Id, Interlocked.Increment(ref sequence), SpecEventTypes.TaskStarted, task.Id, now),
                    ],
                    token).ConfigureAwait(false);

                var logKey = $"log-{task.Id}-1";
                await table.SubmitTransactionAsync(LogActions(spec.Id, logKey, NoOpTaskRunner.Log), token).ConfigureAwait(false);

                now = DateTimeOffset.UtcNow;
                var completed = running with { Status = WorkTaskStatus.Completed, Result = new WorkTaskResult { ExitCode = 0, ChecksPassed = true, LogKey = logKey }, CompletedAt = now, UpdatedAt = now };
                var specTask = specTasks[task.SpecTaskId];
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, WorkTaskEntityMapper.ToEntity(completed), startResponses.Value[0].Headers.ETag!.Value),
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, SpecTaskEntityMapper.ToEntity(specTask with { Status = SpecTaskStatus.Completed }), new ETag(specTask.Version!)),
                        .. EventActions(spec.Id, Interlocked.Increment(ref sequence), SpecEventTypes.TaskCompleted, task.Id, now),
                    ],
                    token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(tasks.Count, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, figure.Requests.Take().Since(before));
    }

    public sealed record Result(int Tasks, TimeSpan Elapsed, TimeSpan Cpu, RequestCounter.Snapshot Requests)
    {
        public double MsPerTask => Elapsed.TotalMilliseconds / Tasks;
    }

    private static TableTransactionAction[] EventActions(string specId, long sequence, string type, string taskId, DateTimeOffset at) =>
    [
        new(TableTransactionActionType.Add, SpecEventEntityMapper.ToEntity(new SpecEvent(specId, sequence, type, "task", taskId, new JsonObject { ["attempt"] = 1 }, at))),
        new(TableTransactionActionType.UpsertMerge, new TableEntity(specId, RowKeys.EventHead) { ["kind"] = "event_head", ["last"] = sequence }),
    ];

    // The layout TextChunks writes: one part row under a head row with the length.
    private static TableTransactionAction[] LogActions(string specId, string key, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var head = RowKeys.TextHead(key);
        return
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(specId, head + "|000000") { ["kind"] = "text_part", ["c0"] = bytes }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(specId, head) { ["kind"] = "text", ["rows"] = 1, ["bytes"] = bytes.LongLength }),
        ];
    }
}
