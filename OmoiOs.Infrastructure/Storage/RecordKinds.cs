using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Storage.Mapping;
using OmoiOs.Infrastructure.Storage.Repositories;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>The records that are changed by read-modify-write, each described once.</summary>
internal static class RecordKinds
{
    public static readonly RecordKind<Spec> Spec = new(
        "Spec",
        id => RecordIds.IsSpecId(id) ? new RecordLocation(id, RowKeys.Spec) : throw new NotFoundException("Spec", id),
        SpecEntityMapper.FromEntity,
        SpecEntityMapper.ToEntity,
        spec => spec.Version,
        (spec, version) => spec with { Version = version },
        (current, changed, at) => changed with { Id = current.Id, UpdatedAt = at },
        Transitions<Spec, SpecStatus>(s => s.Id, s => s.Status, SpecTransitions.Ensure));

    public static readonly RecordKind<Ticket> Ticket = new(
        "Ticket",
        id => new RecordLocation(PartitionGuard.SpecOf("Ticket", id), RowKeys.Ticket(id)),
        TicketEntityMapper.FromEntity,
        TicketEntityMapper.ToEntity,
        ticket => ticket.Version,
        (ticket, version) => ticket with { Version = version },
        (current, changed, at) => changed with { Id = current.Id, SpecId = current.SpecId, UpdatedAt = at },
        Transitions<Ticket, TicketStatus>(t => t.Id, t => t.Status, TicketTransitions.Ensure));

    public static readonly RecordKind<WorkTask> WorkTask = new(
        "Task",
        id => new RecordLocation(PartitionGuard.SpecOf("Task", id), RowKeys.WorkTask(id)),
        WorkTaskEntityMapper.FromEntity,
        WorkTaskEntityMapper.ToEntity,
        task => task.Version,
        (task, version) => task with { Version = version },
        (current, changed, at) => changed with { Id = current.Id, SpecId = current.SpecId, UpdatedAt = at },
        Transitions<WorkTask, WorkTaskStatus>(t => t.Id, t => t.Status, WorkTaskTransitions.Ensure));

    /// <summary>A status change must be one the record's transition table allows; other changes are not checked.</summary>
    private static Action<T, T> Transitions<T, TStatus>(Func<T, string> id, Func<T, TStatus> status, Action<string, TStatus, TStatus> ensure)
        where TStatus : struct, Enum =>
        (current, updated) =>
        {
            if (!EqualityComparer<TStatus>.Default.Equals(status(current), status(updated)))
            {
                ensure(id(current), status(current), status(updated));
            }
        };
}
