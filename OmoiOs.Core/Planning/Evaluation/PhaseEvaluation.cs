using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>
/// The verdict on one phase output: a weighted score and named checks. It passes at
/// <see cref="PassThreshold"/> or more with no failed hard check; otherwise <see cref="Feedback"/> goes to the next attempt.
/// </summary>
public sealed record PhaseEvaluation(SpecPhase Phase, double Score, IReadOnlyList<EvaluationCheck> Checks)
{
    public const double PassThreshold = 0.7;

    public bool Passed => Score >= PassThreshold && Checks.All(c => c.Passed || !c.Hard);

    /// <summary>One line per failed check, hard ones first; empty when everything passed.</summary>
    public string Feedback => string.Join(
        "\n",
        Checks.Where(c => !c.Passed).OrderByDescending(c => c.Hard).Select(c => $"- [{(c.Hard ? "hard" : "soft")}] {c.Name}: {c.Detail}"));
}

/// <summary>One rule applied to a phase output. <see cref="Weight"/> counts toward the score; a failed hard check fails the phase whatever the score.</summary>
public sealed record EvaluationCheck(string Name, bool Hard, double Weight, bool Passed, string Detail);
