using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Planners.Llm;
using OpenAI;
using OpenAI.Chat;

namespace OmoiOs.Infrastructure.Planners.OpenAi;

/// <summary>Registers the <c>openai</c> planner: the official OpenAI SDK over the planners' resilient HttpClient.</summary>
internal static class OpenAiPlanner
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenAiPlannerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        PlannerHttpClients.Add(services, PlannerNames.OpenAi);
        services.AddKeyedSingleton<IPlanner>(PlannerNames.OpenAi, (provider, _) => Create(provider));
    }

    private static ChatPlanner Create(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<OpenAiPlannerOptions>>().Value;
        var planner = provider.GetRequiredService<IOptions<PlannerOptions>>().Value;
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlannerHttpClients.NameFor(PlannerNames.OpenAi));
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = planner.TotalTimeout + PlannerHttpClients.SdkTimeoutMargin,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        var model = options.Model!;
        var chatClient = new ChatClient(model, new ApiKeyCredential(options.ApiKey!), clientOptions).AsIChatClient();
        return new ChatPlanner(
            PlannerNames.OpenAi,
            chatClient,
            new ChatPlannerSettings(model, new ModelPrice(options.InputUsdPerMillionTokens, options.OutputUsdPerMillionTokens), planner.MaxOutputTokens, planner.UseJsonSchema, planner.TotalTimeout),
            provider.GetRequiredService<RepositoryScanner>(),
            provider.GetRequiredService<ILogger<ChatPlanner>>());
    }
}
