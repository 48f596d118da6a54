using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Infrastructure.Planners.OpenAi;

/// <summary>
/// The <c>openai</c> planner: any server speaking OpenAI chat completions (OpenAI, Ollama, vLLM, llama.cpp server).
/// Required when it is the selected planner or when <see cref="Model"/> is set.
/// </summary>
public sealed class OpenAiPlannerOptions : IValidatableObject
{
    public const string EndpointKey = "OMOI_OPENAI_ENDPOINT";
    public const string ModelKey = "OMOI_OPENAI_MODEL";
    public const string ApiKeyKey = "OMOI_OPENAI_API_KEY";
    public const string InputPriceKey = "OMOI_OPENAI_INPUT_USD_PER_MTOK";
    public const string OutputPriceKey = "OMOI_OPENAI_OUTPUT_USD_PER_MTOK";

    /// <summary>Base URL including <c>/v1</c>, e.g. <c>http://localhost:11434/v1</c>; empty means api.openai.com.</summary>
    [ConfigurationKeyName(EndpointKey)]
    public string? Endpoint { get; set; }

    [ConfigurationKeyName(ModelKey)]
    [Required(ErrorMessage = ModelKey + " is required for the openai planner.")]
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token. Servers without authentication accept any placeholder.</summary>
    [ConfigurationKeyName(ApiKeyKey)]
    [Required(ErrorMessage = ApiKeyKey + " is required for the openai planner (any placeholder for servers without authentication).")]
    public string? ApiKey { get; set; }

    /// <summary>US dollars per million input tokens, for cost accounting. Default 0.</summary>
    [ConfigurationKeyName(InputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = InputPriceKey + " must be between 0 and 1000000.")]
    public decimal InputUsdPerMillionTokens { get; set; }

    /// <summary>US dollars per million output tokens, for cost accounting. Default 0.</summary>
    [ConfigurationKeyName(OutputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = OutputPriceKey + " must be between 0 and 1000000.")]
    public decimal OutputUsdPerMillionTokens { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        EndpointValidation.Check(Endpoint, EndpointKey, required: false);
}
