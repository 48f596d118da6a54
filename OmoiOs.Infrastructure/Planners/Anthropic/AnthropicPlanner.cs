using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Infrastructure.Planners.Anthropic;

/// <summary>Registers the <c>anthropic</c> planner: the official Anthropic SDK over the planners' resilient HttpClient.</summary>
internal static class AnthropicPlanner
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnthropicPlannerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        PlannerHttpClients.Add(services, PlannerNames.Anthropic);
        services.AddKeyedSingleton<IPlanner>(PlannerNames.Anthropic, (provider, _) => Create(provider));
    }

    private static ChatPlanner Create(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AnthropicPlannerOptions>>().Value;
        var planner = provider.GetRequiredService<IOptions<PlannerOptions>>().Value;
        var clientOptions = new ClientOptions
        {
            ApiKey = options.ApiKey,
            HttpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlannerHttpClients.NameFor(PlannerNames.Anthropic)),
            MaxRetries = 0,
            Timeout = planner.TotalTimeout + PlannerHttpClients.SdkTimeoutMargin,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions = clientOptions with { BaseUrl = options.Endpoint };
        }

        var model = options.Model!;
        var chatClient = new AnthropicClient(clientOptions).AsIChatClient(model, planner.MaxOutputTokens);
        return new ChatPlanner(
            PlannerNames.Anthropic,
            chatClient,
            new ChatPlannerSettings(model, new ModelPrice(options.InputUsdPerMillionTokens, options.OutputUsdPerMillionTokens), planner.MaxOutputTokens, planner.UseJsonSchema, planner.TotalTimeout),
            provider.GetRequiredService<RepositoryScanner>(),
            provider.GetRequiredService<ILogger<ChatPlanner>>());
    }
}
