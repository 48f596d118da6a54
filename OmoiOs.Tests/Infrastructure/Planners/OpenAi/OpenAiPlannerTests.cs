using System.Text.Json;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;
using OmoiOs.Infrastructure.Planners;
using OmoiOs.Infrastructure.Planners.OpenAi;

namespace OmoiOs.Tests.Infrastructure.Planners.OpenAi;

public sealed class OpenAiPlannerTests : IAsyncLifetime
{
    private FakeLlmServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLlmServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GenerateAsync_RecordedCompletion_ReturnsPhaseJsonWithTokensAndCost()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { [OpenAiPlannerOptions.InputPriceKey] = "2.50", [OpenAiPlannerOptions.OutputPriceKey] = "10" });

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(new PlannerUsage(1117, 846, (1117 * 2.50m + 846 * 10m) / 1_000_000m, "gpt-4o-2024-08-06"), reply.Usage);
    }

    [Fact]
    public async Task GenerateAsync_WithFeedback_SendsModelPromptFeedbackAndJsonSchemaFormat()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { ["OMOI_PLANNER_MAX_OUTPUT_TOKENS"] = "4000" });

        await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest("- [hard] ears_syntax: REQ-EXPORT-FUNC-001 has two shalls"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST /v1/chat/completions", $"{request.Method} {request.PathAndQuery}");
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("gpt-4o", (string?)body["model"]);
        Assert.Equal(4000, (int?)body["max_completion_tokens"]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Contains("REQUIREMENTS planner", (string?)messages[0]!["content"], StringComparison.Ordinal);
        Assert.Contains("acceptance_criteria", (string?)messages[0]!["content"], StringComparison.Ordinal);
        var user = (string?)messages[1]!["content"];
        Assert.Contains("Export specs as Markdown", user, StringComparison.Ordinal);
        Assert.Contains("REQ-EXPORT-FUNC-001 has two shalls", user, StringComparison.Ordinal);
        var format = body["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("requirements_output", (string?)format["json_schema"]!["name"]);
        Assert.NotNull(format["json_schema"]!["schema"]!["properties"]!["requirements"]);
    }

    [Fact]
    public async Task GenerateAsync_JsonSchemaOff_RequestsJsonObjectFormat()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new() { [PlannerOptions.JsonSchemaKey] = "false" });

        await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal("json_object", (string?)Assert.Single(_server.Requests).Json["response_format"]!["type"]);
    }

    [Fact]
    public async Task GenerateAsync_ReplyInMarkdownFence_ReturnsTheJsonInside()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion($"Here it is:\n```json\n{LlmSamples.RequirementsJson}\n```")));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(LlmSamples.RequirementsJson)), JsonSerializer.Serialize(JsonDocument.Parse(reply.Json)));
    }

    [Fact]
    public async Task GenerateAsync_ReplyIsNotJson_ReturnsTheTextForTheEvaluator()
    {
        _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion("I cannot help with that.")));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal("I cannot help with that.", reply.Json);
        Assert.Equal(846, reply.Usage.OutputTokens);
    }

    [Fact]
    public async Task GenerateAsync_MalformedResponseBody_ThrowsPlannerCallFailed()
    {
        _server.Enqueue(FakeReply.Json("""{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":"""));
        using var host = CreateHost(new());

        var error = await Assert.ThrowsAsync<PlannerCallFailedException>(
            () => host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(PlannerNames.OpenAi, error.Planner);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_RateLimitedWithRetryAfter_WaitsAtLeastRetryAfterThenSucceeds()
    {
        _server.Enqueue(FakeReply.Error(429, retryAfterSeconds: "1"), FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

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
        _server.Enqueue(FakeReply.Error(500), FakeReply.Json(LlmSamples.OpenAiCompletion(LlmSamples.RequirementsJson)));
        using var host = CreateHost(new());

        var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None);

        Assert.Equal(LlmSamples.RequirementsJson.Trim(), reply.Json);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorsPastRetries_ThrowsPlannerCallFailedWithStatus()
    {
        _server.Enqueue(FakeReply.Error(503), FakeReply.Error(503), FakeReply.Error(503));
        using var host = CreateHost(new());

        var error = await Assert.ThrowsAsync<PlannerCallFailedException>(
            () => host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_Unauthorized_FailsWithoutRetrying()
    {
        _server.Enqueue(FakeReply.Error(401));
        using var host = CreateHost(new());

        var error = await Assert.ThrowsAsync<PlannerCallFailedException>(
            () => host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(_server.Requests);
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
            () => host.Planner(PlannerNames.OpenAi).GenerateAsync(LlmSamples.RequirementsRequest(), CancellationToken.None));

        Assert.Equal(PlannerNames.OpenAi, error.Planner);
        Assert.Equal(TimeSpan.FromSeconds(3), error.Timeout);
        Assert.NotEmpty(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_Explore_FilesAreTheScansNotTheModels()
    {
        var repository = await OmoiOs.Tests.Support.SampleRepository.CreateAsync(initializeGit: false);
        try
        {
            _server.Enqueue(FakeReply.Json(LlmSamples.OpenAiCompletion("""{"codebase_summary":"A greeting app","files":["invented/module.py"]}""")));
            using var host = CreateHost([]);

            var reply = await host.Planner(PlannerNames.OpenAi).GenerateAsync(
                LlmSamples.RequirementsRequest() with { Phase = OmoiOs.Core.Domain.SpecPhase.Explore, RepositoryPath = repository }, CancellationToken.None);

            var files = JsonDocument.Parse(reply.Json).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
            Assert.Contains("sample_app/cli.py", files);
            Assert.DoesNotContain("invented/module.py", files);
            var schema = Assert.Single(_server.Requests).Json["response_format"]!["json_schema"]!["schema"]!;
            Assert.Null(schema["properties"]!["files"]);
        }
        finally
        {
            OmoiOs.Tests.Support.SampleRepository.Delete(repository);
        }
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider CreateHost(Dictionary<string, string?> settings)
    {
        settings[PlannerOptions.PlannerKey] = PlannerNames.OpenAi;
        settings[OpenAiPlannerOptions.EndpointKey] = new Uri(_server.BaseAddress, "v1").ToString();
        settings[OpenAiPlannerOptions.ModelKey] = "gpt-4o";
        settings[OpenAiPlannerOptions.ApiKeyKey] = "sk-test";
        return PlannerTestHost.Build(settings);
    }
}
