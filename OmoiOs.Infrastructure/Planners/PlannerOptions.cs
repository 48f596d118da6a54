using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace OmoiOs.Infrastructure.Planners;

/// <summary>
/// Settings shared by every planner: which one is the default, and how LLM calls are bounded and retried.
/// One HTTP call may take <see cref="AttemptTimeout"/>; all attempts with their backoff together <see cref="TotalTimeout"/>.
/// </summary>
public sealed class PlannerOptions : IValidatableObject
{
    public const string PlannerKey = "OMOI_PLANNER";
    public const string AttemptTimeoutKey = "OMOI_PLANNER_TIMEOUT";
    public const string TotalTimeoutKey = "OMOI_PLANNER_TOTAL_TIMEOUT";
    public const string MaxRetriesKey = "OMOI_PLANNER_MAX_RETRIES";
    public const string RetryDelayKey = "OMOI_PLANNER_RETRY_DELAY";
    public const string MaxOutputTokensKey = "OMOI_PLANNER_MAX_OUTPUT_TOKENS";
    public const string JsonSchemaKey = "OMOI_PLANNER_JSON_SCHEMA";

    /// <summary>The planner a spec gets when its options name none. Default <c>heuristic</c>.</summary>
    [ConfigurationKeyName(PlannerKey)]
    public string Planner { get; set; } = PlannerNames.Heuristic;

    /// <summary>Time limit of one HTTP call to the model. Default 2 minutes.</summary>
    [ConfigurationKeyName(AttemptTimeoutKey)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of one planner call: every attempt and the waits between them. Default 5 minutes.</summary>
    [ConfigurationKeyName(TotalTimeoutKey)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and connection errors. Default 3.</summary>
    [ConfigurationKeyName(MaxRetriesKey)]
    [Range(0, 10, ErrorMessage = MaxRetriesKey + " must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles per retry (with jitter). A server's Retry-After wins over it. Default 2 seconds.</summary>
    [ConfigurationKeyName(RetryDelayKey)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound on the tokens a model may generate per phase. Default 8192.</summary>
    [ConfigurationKeyName(MaxOutputTokensKey)]
    [Range(1, 1_000_000, ErrorMessage = MaxOutputTokensKey + " must be between 1 and 1000000.")]
    public int MaxOutputTokens { get; set; } = 8192;

    /// <summary>
    /// Send the phase's JSON schema as the response format (structured output). Set false for servers that
    /// only know plain JSON mode; the schema is still in the prompt. Default true.
    /// </summary>
    [ConfigurationKeyName(JsonSchemaKey)]
    public bool UseJsonSchema { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PlannerNames.All.Contains(Planner, StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{PlannerKey} is '{Planner}'; expected one of {string.Join(", ", PlannerNames.All)}.", [nameof(Planner)]);
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{AttemptTimeoutKey} must be positive.", [nameof(AttemptTimeout)]);
        }

        if (TotalTimeout <= AttemptTimeout)
        {
            yield return new ValidationResult($"{TotalTimeoutKey} ({TotalTimeout}) must be longer than {AttemptTimeoutKey} ({AttemptTimeout}).", [nameof(TotalTimeout)]);
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{RetryDelayKey} must be positive.", [nameof(RetryDelay)]);
        }
    }
}
