namespace OmoiOs.Core.Workflow;

/// <summary>Machine-readable failure reasons a spec can end with.</summary>
public static class FailureReasons
{
    public const string BudgetExhausted = "budget_exhausted";
}
