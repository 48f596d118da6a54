using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Infrastructure.Planners.Anthropic;

/// <summary>The <c>anthropic</c> planner: the Anthropic Messages API. Required when it is the selected planner or when <see cref="Model"/> is set.</summary>
public sealed class AnthropicPlannerOptions : IValidatableObject
{
    public const string EndpointKey = "OMOI_ANTHROPIC_ENDPOINT";
    public const string ModelKey = "OMOI_ANTHROPIC_MODEL";
    public const string ApiKeyKey = "OMOI_ANTHROPIC_API_KEY";
    public const string InputPriceKey = "OMOI_ANTHROPIC_INPUT_USD_PER_MTOK";
    public const string OutputPriceKey = "OMOI_ANTHROPIC_OUTPUT_USD_PER_MTOK";

    /// <summary>Base URL without <c>/v1</c>; empty means https://api.anthropic.com.</summary>
    [ConfigurationKeyName(EndpointKey)]
    public string? Endpoint { get; set; }

    [ConfigurationKeyName(ModelKey)]
    [Required(ErrorMessage = ModelKey + " is required for the anthropic planner.")]
    public string? Model { get; set; }

    [ConfigurationKeyName(ApiKeyKey)]
    [Required(ErrorMessage = ApiKeyKey + " is required for the anthropic planner.")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName(InputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = InputPriceKey + " must be between 0 and 1000000.")]
    public decimal InputUsdPerMillionTokens { get; set; }

    [ConfigurationKeyName(OutputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = OutputPriceKey + " must be between 0 and 1000000.")]
    public decimal OutputUsdPerMillionTokens { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        EndpointValidation.Check(Endpoint, EndpointKey, required: false);
}
