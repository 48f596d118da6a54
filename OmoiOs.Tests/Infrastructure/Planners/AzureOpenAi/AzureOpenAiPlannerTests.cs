using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.AzureOpenAi;

namespace OmoiOs.Tests.Infrastructure.Planners.AzureOpenAi;

public sealed class AzureOpenAiPlannerTests : IAsyncLifetime
{
    private FakeLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GenerateAsync_ApiKey_CallsDeploymentRouteWithApiKeyHeaderAndAccountsTokens()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { [AzureOpenAiPlannerOptions.InputPriceKey] = "1", [AzureOpenAiPlannerOptions.OutputPriceKey] = "4" });

        var reply = await host.Planner(PlannerNames.AzureOpenAi).GenerateAsync(LlmSamples.RequirementsRequest("- [hard] criteria: needs two"), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(1117, reply.Usage.InputTokens);
        Assert.Equal(846, reply.Usage.OutputTokens);
        Assert.Equal((1117m + 846m * 4) / 1_000_000m, reply.Usage.CostUsd);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("/openai/deployments/planner-gpt4o/chat/completions?api-version=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("azure-key", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("json_schema", (string?)request.Json["response_format"]!["type"]);
        Assert.Contains("needs two", (string?)request.Json["messages"]![1]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorThenSuccess_RetriesOnce()
    {
        _server.Enqueue(FakeReply.Error(502), FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.AzureOpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_ServerHangs_ThrowsPlannerTimeout()
    {
        _server.Enqueue(FakeReply.Hanging(), FakeReply.Hanging(), FakeReply.Hanging());
        using var host = CreateHost(new()
        {
            [PlannerOptions.AttemptTimeoutKey] = "00:00:01",
            [PlannerOptions.TotalTimeoutKey] = "00:00:03",
        });

        var error = await Assert.ThrowsAsync<PlannerTimeoutException>(
            () => host.Planner(PlannerNames.AzureOpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(PlannerNames.AzureOpenAi, error.Planner);
    }

    [Fact]
    public void CreateTokenCredential_ClientId_UsesThatManagedIdentity()
    {
        Assert.IsType<ManagedIdentityCredential>(AzureOpenAiPlanner.CreateTokenCredential("00000000-0000-0000-0000-000000000001"));
    }

    [Fact]
    public void CreateTokenCredential_NoClientId_UsesDefaultAzureCredential()
    {
        Assert.IsType<DefaultAzureCredential>(AzureOpenAiPlanner.CreateTokenCredential(null));
    }

    [Fact]
    public void CreateClient_NoApiKey_BuildsAClientWithoutCallingTheNetwork()
    {
        var options = new AzureOpenAiPlannerOptions { Endpoint = "https://example.openai.azure.com/", Deployment = "d", ClientId = "00000000-0000-0000-0000-000000000001" };

        var client = AzureOpenAiPlanner.CreateClient(options, new AzureOpenAIClientOptions());

        Assert.NotNull(client.GetChatClient("d").AsIChatClient());
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider CreateHost(Dictionary<string, string?> settings)
    {
        settings[PlannerOptions.PlannerKey] = PlannerNames.AzureOpenAi;
        settings[AzureOpenAiPlannerOptions.EndpointKey] = _server.BaseAddress.ToString();
        settings[AzureOpenAiPlannerOptions.DeploymentKey] = "planner-gpt4o";
        settings[AzureOpenAiPlannerOptions.ApiKeyKey] = "azure-key";
        return PlannerTestHost.Build(settings);
    }
}
