using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// Collects an evaluator's checks and scores them. A check over many items earns the share of items that pass
/// (8 of 10 requirements with enough criteria earn 0.8 of its weight) but passes only when all do.
/// </summary>
internal sealed class CheckList
{
    private const int MaxListedProblems = 10;

    private readonly List<(EvaluationCheck Check, double Credit)> _checks = [];

    /// <summary>A check over <paramref name="total"/> items, of which <paramref name="problems"/> describe the failing ones.</summary>
    public void Add(string name, bool hard, double weight, int total, IReadOnlyCollection<string> problems, string passedDetail)
    {
        var failed = Math.Min(problems.Count, Math.Max(total, 1));
        var credit = total <= 0 ? (problems.Count == 0 ? 1 : 0) : (double)(total - failed) / total;
        var detail = problems.Count == 0 ? passedDetail : List(problems);
        _checks.Add((new EvaluationCheck(name, hard, weight, problems.Count == 0, detail), weight * credit));
    }

    /// <summary>A yes/no check.</summary>
    public void Add(string name, bool hard, double weight, bool passed, string detail) =>
        _checks.Add((new EvaluationCheck(name, hard, weight, passed, detail), passed ? weight : 0));

    public PhaseEvaluation Build(SpecPhase phase)
    {
        var weight = _checks.Sum(c => c.Check.Weight);
        var score = weight <= 0 ? 1 : _checks.Sum(c => c.Credit) / weight;
        return new PhaseEvaluation(phase, Math.Round(score, 4), _checks.Select(c => c.Check).ToArray());
    }

    /// <summary>One problem per id given more than once.</summary>
    public static List<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} appears {g.Count()} times")
            .ToList();

    /// <summary>"a; b; c" with at most ten items, then "… and N more".</summary>
    public static string List(IReadOnlyCollection<string> items) =>
        items.Count <= MaxListedProblems
            ? string.Join("; ", items)
            : $"{string.Join("; ", items.Take(MaxListedProblems))}; and {items.Count - MaxListedProblems} more";
}
