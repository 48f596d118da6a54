using Azure.Data.Tables;

namespace OmoiOs.Infrastructure.Storage;

/// <summary>What the one read-modify-write path (<see cref="RecordUpdater"/>) needs to know about a kind of record.</summary>
/// <param name="Name">The kind as errors name it (<c>Spec</c>, <c>Ticket</c>, <c>Task</c>).</param>
/// <param name="Locate">The partition and row of a record id; throws <see cref="Core.Errors.NotFoundException"/> for an id that is not of this kind.</param>
/// <param name="Stamp">The changed record with the current one's identity and the update time set.</param>
/// <param name="EnsureTransition">Throws <see cref="Core.Errors.InvalidTransitionException"/> when the status change from current to updated is not allowed.</param>
internal sealed record RecordKind<T>(
    string Name,
    Func<string, RecordLocation> Locate,
    Func<TableEntity, T> FromEntity,
    Func<T, TableEntity> ToEntity,
    Func<T, string?> VersionOf,
    Func<T, string?, T> WithVersion,
    Func<T, T, DateTimeOffset, T> Stamp,
    Action<T, T> EnsureTransition)
    where T : class;

/// <summary>Where one record is stored.</summary>
internal readonly record struct RecordLocation(string SpecId, string RowKey);
