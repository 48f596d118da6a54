namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>How a <see cref="ChatPlanner"/> calls its model and accounts for the call.</summary>
/// <param name="Model">The configured model or deployment, reported when the reply names none.</param>
/// <param name="TotalTimeout">The limit of one call with its retries, quoted in timeout errors.</param>
internal sealed record ChatPlannerSettings(
    string Model,
    ModelPrice Price,
    int MaxOutputTokens,
    bool UseJsonSchema,
    TimeSpan TotalTimeout);
