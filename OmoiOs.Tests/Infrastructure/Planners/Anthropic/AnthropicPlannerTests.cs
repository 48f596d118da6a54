using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.Anthropic;

namespace OmoiOs.Tests.Infrastructure.Planners.Anthropic;

public sealed class AnthropicPlannerTests : IAsyncLifetime
{
    private FakeLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GenerateAsync_RecordedMessage_ReturnsPhaseJsonWithTokensAndCost()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.AnthropicMessage(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { [AnthropicPlannerOptions.InputPriceKey] = "3", [AnthropicPlannerOptions.OutputPriceKey] = "15" });

        var reply = await host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(new PlannerUsage(2095, 503, (2095 * 3m + 503 * 15m) / 1_000_000m, "claude-sonnet-4-5-20250929"), reply.Usage);
    }

    [Fact]
    public async Task GenerateAsync_WithFeedback_SendsMessagesRequestWithKeyVersionSchemaAndFeedback()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.AnthropicMessage(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { [PlannerOptions.MaxOutputTokensKey] = "3000" });

        await host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest("- [soft] vague_words: 'fast' in REQ-EXPORT-PERF-001"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST /v1/messages", $"{request.Method} {request.PathAndQuery}");
        Assert.False(string.IsNullOrEmpty(request.Header("anthropic-version")));
        // The SDK sends the key as x-api-key or, in newer versions, as a bearer token; either must carry it.
        Assert.True(request.Header("x-api-key") == "ant-key" || request.Header("Authorization") == "Bearer ant-key", "the API key was not sent");
        var body = request.Json;
        Assert.Equal("claude-sonnet-4-5", (string?)body["model"]);
        Assert.Equal(3000, (int?)body["max_tokens"]);
        Assert.Contains("REQUIREMENTS planner", body["system"]!.ToJsonString(), StringComparison.Ordinal);
        var user = Assert.Single(body["messages"]!.AsArray())!;
        Assert.Equal("user", (string?)user["role"]);
        Assert.Contains("'fast' in REQ-EXPORT-PERF-001", (string?)user["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal("json_schema", (string?)body["output_config"]!["format"]!["type"]);
    }

    [Fact]
    public async Task GenerateAsync_MalformedResponseBody_ThrowsPlannerCallFailed()
    {
        _server.Enqueue(FakeReply.Json("""{"id":"msg_1","type":"message","content":[{"type":"text","text":"""));
        using var host = CreateHost(new());

        var error = await Assert.ThrowsAsync<PlannerCallFailedException>(
            () => host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(PlannerNames.Anthropic, error.Planner);
    }

    [Fact]
    public async Task GenerateAsync_RateLimitedWithRetryAfter_WaitsAtLeastRetryAfterThenSucceeds()
    {
        _server.Enqueue(FakeReply.Error(429, retryAfterSeconds: "1"), FakeReply.Json(LlmSamples.AnthropicMessage(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        // Timers may fire a few milliseconds early; without the header the backoff here is about 10 ms.
        var waited = requests[1].ReceivedAt - requests[0].ReceivedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"retried after {waited}, before Retry-After: 1");
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorThenSuccess_RetriesOnce()
    {
        _server.Enqueue(FakeReply.Error(529), FakeReply.Json(LlmSamples.AnthropicMessage(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorsPastRetries_ThrowsPlannerCallFailedAfterOneRetryLayer()
    {
        _server.Enqueue(FakeReply.Error(500), FakeReply.Error(500), FakeReply.Error(500), FakeReply.Error(500));
        using var host = CreateHost(new());

        var error = await Assert.ThrowsAsync<PlannerCallFailedException>(
            () => host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
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
            () => host.Planner(PlannerNames.Anthropic).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(PlannerNames.Anthropic, error.Planner);
        Assert.NotEmpty(_server.Requests);
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider CreateHost(Dictionary<string, string?> settings)
    {
        settings[PlannerOptions.PlannerKey] = PlannerNames.Anthropic;
        settings[AnthropicPlannerOptions.EndpointKey] = _server.BaseAddress.ToString().TrimEnd('/');
        settings[AnthropicPlannerOptions.ModelKey] = "claude-sonnet-4-5";
        settings[AnthropicPlannerOptions.ApiKeyKey] = "ant-key";
        return PlannerTestHost.Build(settings);
    }
}
