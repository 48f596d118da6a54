using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.OpenAi;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

/// <summary>Provider-independent behaviour of the chat planner, exercised through the openai provider and a real server.</summary>
public sealed class ChatPlannerTests : IAsyncLifetime
{
    private FakeLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GenerateAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        _server.Enqueue(FakeReply.Hanging());
        using var host = CreateHost();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), cancellation.Token));
    }

    [Fact]
    public async Task GenerateAsync_ResponseWithoutUsage_ReportsZeroTokensAndTheConfiguredModel()
    {
        _server.Enqueue(FakeReply.Json("""{"id":"c","object":"chat.completion","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":"{}"},"finish_reason":"stop"}]}"""));
        using var host = CreateHost();

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal("{}", reply.Json);
        Assert.Equal(0, reply.Usage.InputTokens);
        Assert.Equal(0m, reply.Usage.CostUsd);
        Assert.Equal("local-model", reply.Usage.Model);
    }

    [Fact]
    public void Name_ResolvedByKey_IsTheKey()
    {
        using var host = CreateHost();

        Assert.Equal(PlannerNames.OpenAi, host.Planner(PlannerNames.OpenAi).Name);
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider CreateHost() => PlannerTestHost.Build(new Dictionary<string, string?>
    {
        [PlannerOptions.PlannerKey] = PlannerNames.OpenAi,
        [OpenAiPlannerOptions.EndpointKey] = new Uri(_server.BaseAddress, "v1").ToString(),
        [OpenAiPlannerOptions.ModelKey] = "local-model",
        [OpenAiPlannerOptions.ApiKeyKey] = "none",
        [OpenAiPlannerOptions.InputPriceKey] = "5",
    });
}
