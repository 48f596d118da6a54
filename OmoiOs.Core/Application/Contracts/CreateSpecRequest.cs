using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Application.Contracts;

/// <summary>Body of <c>POST /api/specs</c>.</summary>
public sealed record CreateSpecRequest
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>An absolute local path or a git URL.</summary>
    public string? Repository { get; init; }

    public SpecOptionsRequest? Options { get; init; }
}

/// <summary>Spec options as a client sends them: anything left out takes the default.</summary>
public sealed record SpecOptionsRequest
{
    public string? Planner { get; init; }

    public IReadOnlyList<ApprovalGate>? RequireApproval { get; init; }

    public int? MaxParallelTasks { get; init; }

    public decimal? BudgetUsd { get; init; }

    public string? Sandbox { get; init; }

    public string? Agent { get; init; }

    public int? TaskTimeoutSeconds { get; init; }

    public string? CheckCommand { get; init; }

    public string? SetupCommand { get; init; }

    public int? MaxRetries { get; init; }

    public int? ApprovalTimeoutSeconds { get; init; }

    public bool? KeepTaskBranches { get; init; }
}
