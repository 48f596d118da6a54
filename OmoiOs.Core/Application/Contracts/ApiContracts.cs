using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Review;

namespace OmoiOs.Core.Application.Contracts;

/// <summary>Body of <c>POST /api/specs/{id}/approve</c>.</summary>
public sealed record ApproveRequest(ApprovalGate? Gate, bool? Approved, string? Comment);

/// <summary>Body of <c>POST /api/specs/{id}/execute-tasks</c>.</summary>
public sealed record ExecuteTasksRequest(IReadOnlyList<string>? TaskIds);

/// <summary>Answer of <c>POST /api/specs/{id}/execute-tasks</c>.</summary>
public sealed record ExecuteTasksResponse(string TicketId, int TasksCreated, int TasksSkipped);

/// <summary>A list page: <c>{ "items": [...], "continuationToken": null }</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>A requirement with its acceptance criteria, as <c>GET /api/specs/{id}/requirements</c> lists it.</summary>
public sealed record RequirementView(
    string Id,
    string Key,
    string Title,
    string Text,
    EarsPattern Pattern,
    string Condition,
    string Action,
    RequirementCategory Category,
    Priority Priority,
    RequirementStatus Status,
    IReadOnlyList<CriterionView> AcceptanceCriteria);

public sealed record CriterionView(string Id, string Text, bool Completed);

/// <summary>
/// Answer of <c>GET /api/specs/{id}/requirements</c>: a list page, whether it is a draft (planning has not finished or
/// the gate waits for approval), and what a re-plan changed against the requirements it replaced.
/// </summary>
public sealed record RequirementListResponse(IReadOnlyList<RequirementView> Items, string? ContinuationToken, bool Draft, PlanChanges? Changes);

/// <summary>
/// Answer of <c>GET /api/specs/{id}/tasks</c>: the planned tasks, the ids of the tasks on the graph's critical path
/// (the chain of dependent tasks with the largest total estimate) with that total in hours, whether the list is a
/// draft (SYNC has not stored it yet), and what a re-plan changed.
/// </summary>
public sealed record SpecTaskListResponse(
    IReadOnlyList<SpecTask> Items,
    string? ContinuationToken,
    IReadOnlyList<string> CriticalPath,
    double CriticalPathHours,
    bool Draft,
    PlanChanges? Changes);

/// <summary>Task counts by status, progress and whether the run is over.</summary>
public sealed record ExecutionStatus(string SpecId, int Total, ExecutionCounts Counts, int Progress, bool IsComplete);

public sealed record ExecutionCounts(int Pending, int Running, int Completed, int Failed, int Blocked, int Cancelled);

/// <summary>The management URLs of a started run (the shape Durable's check-status response has).</summary>
public sealed record ExecuteResponse(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri);
