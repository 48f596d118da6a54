using System.Diagnostics.CodeAnalysis;

namespace OmoiOs.Core.Planning;

/// <summary>A planner output read into its record, or the problems that prevented it.</summary>
public sealed record ParsedOutput<T>(T? Value, IReadOnlyList<OutputProblem> Problems)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null && Problems.Count == 0;
}
