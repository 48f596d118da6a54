using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Infrastructure.Planners.AzureOpenAi;

/// <summary>Registers the <c>azure-openai</c> planner: Azure.AI.OpenAI over the planners' resilient HttpClient.</summary>
internal static class AzureOpenAiPlanner
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureOpenAiPlannerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        PlannerHttpClients.Add(services, PlannerNames.AzureOpenAi);
        services.AddKeyedSingleton<IPlanner>(PlannerNames.AzureOpenAi, (provider, _) => Create(provider));
    }

    /// <summary>The API key when one is set, otherwise managed identity: the user-assigned one named by its client id, or whatever <see cref="DefaultAzureCredential"/> finds.</summary>
    public static AzureOpenAIClient CreateClient(AzureOpenAiPlannerOptions options, AzureOpenAIClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!);
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        }

        return new AzureOpenAIClient(endpoint, CreateTokenCredential(options.ClientId), clientOptions);
    }

    public static TokenCredential CreateTokenCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));

    private static ChatPlanner Create(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AzureOpenAiPlannerOptions>>().Value;
        var planner = provider.GetRequiredService<IOptions<PlannerOptions>>().Value;
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlannerHttpClients.NameFor(PlannerNames.AzureOpenAi));
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = planner.TotalTimeout + PlannerHttpClients.SdkTimeoutMargin,
        };
        var deployment = options.Deployment!;
        var chatClient = CreateClient(options, clientOptions).GetChatClient(deployment).AsIChatClient();
        return new ChatPlanner(
            PlannerNames.AzureOpenAi,
            chatClient,
            new ChatPlannerSettings(deployment, new ModelPrice(options.InputUsdPerMillionTokens, options.OutputUsdPerMillionTokens), planner.MaxOutputTokens, planner.UseJsonSchema, planner.TotalTimeout),
            provider.GetRequiredService<RepositoryScanner>(),
            provider.GetRequiredService<ILogger<ChatPlanner>>());
    }
}
