namespace OmoiOs.Core.Planning.Evaluation;

/// <summary>A phase output as read from the planner's JSON (null when it could not be read), and its evaluation.</summary>
public sealed record PhaseOutcome<TOutput>(TOutput? Output, PhaseEvaluation Evaluation)
    where TOutput : class;
