using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Infrastructure.Planners.AzureOpenAi;

/// <summary>
/// The <c>azure-openai</c> planner: an Azure OpenAI deployment, reached with an API key or, without one, with
/// managed identity (a user-assigned identity when <see cref="ClientId"/> is set, otherwise <c>DefaultAzureCredential</c>).
/// Required when it is the selected planner or when <see cref="Deployment"/> is set.
/// </summary>
public sealed class AzureOpenAiPlannerOptions : IValidatableObject
{
    public const string EndpointKey = "OMOI_AZURE_OPENAI_ENDPOINT";
    public const string DeploymentKey = "OMOI_AZURE_OPENAI_DEPLOYMENT";
    public const string ApiKeyKey = "OMOI_AZURE_OPENAI_API_KEY";
    public const string ClientIdKey = "OMOI_AZURE_OPENAI_CLIENT_ID";
    public const string InputPriceKey = "OMOI_AZURE_OPENAI_INPUT_USD_PER_MTOK";
    public const string OutputPriceKey = "OMOI_AZURE_OPENAI_OUTPUT_USD_PER_MTOK";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    [ConfigurationKeyName(EndpointKey)]
    public string? Endpoint { get; set; }

    [ConfigurationKeyName(DeploymentKey)]
    [Required(ErrorMessage = DeploymentKey + " is required for the azure-openai planner.")]
    public string? Deployment { get; set; }

    /// <summary>Sent as the <c>api-key</c> header; empty means managed identity.</summary>
    [ConfigurationKeyName(ApiKeyKey)]
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; used only when <see cref="ApiKey"/> is empty.</summary>
    [ConfigurationKeyName(ClientIdKey)]
    public string? ClientId { get; set; }

    [ConfigurationKeyName(InputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = InputPriceKey + " must be between 0 and 1000000.")]
    public decimal InputUsdPerMillionTokens { get; set; }

    [ConfigurationKeyName(OutputPriceKey)]
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = OutputPriceKey + " must be between 0 and 1000000.")]
    public decimal OutputUsdPerMillionTokens { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        EndpointValidation.Check(Endpoint, EndpointKey, required: true);
}
