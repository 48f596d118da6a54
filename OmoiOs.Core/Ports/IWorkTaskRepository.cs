using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Ports;

/// <summary>Executable tasks. A task's state change, its spec task's status and the event are one transaction.</summary>
public interface IWorkTaskRepository
{
    /// <summary>
    /// Inserts the tasks that do not exist yet and sets each one's spec task to <paramref name="specTaskStatus"/>
    /// with its <c>WorkTaskId</c>, in transactions of at most 100 entities; returns the ids actually inserted.
    /// </summary>
    Task<IReadOnlyList<string>> CreateManyAsync(
        string specId,
        IReadOnlyList<WorkTask> tasks,
        SpecTaskStatus specTaskStatus,
        Func<WorkTask, SpecEventDraft>? createdEvent,
        CancellationToken cancellationToken);

    /// <exception cref="Errors.NotFoundException">No such task.</exception>
    Task<WorkTask> GetAsync(string taskId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkTask>> ListAsync(string specId, CancellationToken cancellationToken);

    Task<Page<WorkTask>> ListAllAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the task under its ETag; when the result's status differs, also moves the
    /// task's spec task to the status <paramref name="specTaskStatus"/> picks (null: leave it) and appends the events,
    /// all in one entity-group transaction. Retried on a lost race.
    /// </summary>
    Task<WorkTask> UpdateAsync(
        string taskId,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken);

    /// <summary>
    /// The same change as <see cref="UpdateAsync(string, Func{WorkTask, WorkTask}, Func{WorkTask, SpecTaskStatus?}?, Func{WorkTask, WorkTask, IReadOnlyList{SpecEventDraft}}?, CancellationToken)"/>,
    /// starting from records the caller already holds with their versions: the first attempt writes under those
    /// versions without reading them again, and a lost race re-reads both. <paramref name="currentSpecTask"/> (the
    /// task's spec task, or null to read it when needed) decides whether the spec task's status must change.
    /// <paramref name="specChange"/>, when given, changes the task's spec in the same transaction whenever the task
    /// changes (an attempt's cost goes with its verdict, so a crash can never record one without the other).
    /// </summary>
    Task<WorkTask> UpdateAsync(
        WorkTask current,
        SpecTask? currentSpecTask,
        Func<WorkTask, WorkTask> change,
        Func<WorkTask, SpecTaskStatus?>? specTaskStatus,
        Func<WorkTask, WorkTask, IReadOnlyList<SpecEventDraft>>? events,
        CancellationToken cancellationToken,
        Func<Spec, Spec>? specChange = null);
}
