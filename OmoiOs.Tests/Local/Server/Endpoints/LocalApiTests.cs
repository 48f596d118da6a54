using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>
/// The OpenAPI contract test: the local server's /api/openapi.json has every route of API.md, and every operation
/// it lists, called for real (with a spec the example agent completed, then with unknown ids), answers a status the
/// document declares, with the media type it declares and JSON bodies that parse and carry the declared properties.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LocalApiTests(CompletedSpecFixture fixture) : IClassFixture<CompletedSpecFixture>
{
    /// <summary>The route table of API.md.</summary>
    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "get", "/api/health" },
        { "post", "/api/specs" },
        { "get", "/api/specs" },
        { "get", "/api/specs/{id}" },
        { "post", "/api/specs/{id}/execute" },
        { "post", "/api/specs/{id}/approve" },
        { "post", "/api/specs/{id}/execute-tasks" },
        { "get", "/api/specs/{id}/execution-status" },
        { "get", "/api/specs/{id}/requirements" },
        { "get", "/api/specs/{id}/design" },
        { "get", "/api/specs/{id}/tasks" },
        { "get", "/api/specs/{id}/export" },
        { "post", "/api/specs/{id}/cancel" },
        { "get", "/api/specs/{id}/events" },
        { "get", "/api/tickets" },
        { "get", "/api/tickets/{id}" },
        { "get", "/api/tasks" },
        { "get", "/api/tasks/{id}" },
    };

    private LocalServerHarness Server => fixture.Harness;

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task OpenApiDocument_ApiRoute_IsDocumentedWithResponses(string method, string path)
    {
        var document = await DocumentAsync();

        Assert.True(document["paths"]?[path]?[method] is JsonObject, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
        Assert.NotEmpty(document["paths"]![path]![method]!["responses"]!.AsObject());
    }

    [Theory]
    [InlineData("get", "/api/specs/{id}/events", "after")]
    [InlineData("get", "/api/specs/{id}/export", "format")]
    [InlineData("get", "/api/specs/{id}/export", "file")]
    [InlineData("get", "/api/tickets", "specId")]
    [InlineData("get", "/api/tasks", "specId")]
    [InlineData("get", "/api/specs", "pageSize")]
    public async Task OpenApiDocument_QueryParameterOfApiMd_IsDeclared(string method, string path, string name)
    {
        var document = await DocumentAsync();

        var parameters = document["paths"]![path]![method]!["parameters"]?.AsArray() ?? [];
        Assert.Contains(parameters, p => p!["name"]!.GetValue<string>() == name && p["in"]!.GetValue<string>() == "query");
    }

    [Fact]
    public async Task EveryOperation_CalledWithRealIds_AnswersADeclaredStatusAndShape()
    {
        var document = await DocumentAsync();
        var ticketId = (await Server.GetJsonAsync($"tickets?specId={fixture.SpecId}")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var taskId = (await Server.GetJsonAsync($"tasks?specId={fixture.SpecId}")).GetProperty("items")[0].GetProperty("id").GetString()!;

        var called = await WalkAsync(document, path => path.StartsWith("/api/tickets/", StringComparison.Ordinal) ? ticketId
            : path.StartsWith("/api/tasks/", StringComparison.Ordinal) ? taskId
            : fixture.SpecId);

        Assert.Equal(ApiRoutes.Count, called.Count);
        Assert.Contains("POST /api/specs → 201", called);
        Assert.Contains("GET /api/specs/{id}/export → 200", called);
        Assert.Contains("POST /api/specs/{id}/cancel → 409", called);
    }

    [Fact]
    public async Task EveryOperation_CalledWithUnknownIds_AnswersADeclared404()
    {
        var document = await DocumentAsync();

        var called = await WalkAsync(document, path => path.StartsWith("/api/tickets/", StringComparison.Ordinal) ? "ticket-000000000000"
            : path.StartsWith("/api/tasks/", StringComparison.Ordinal) ? "task-000000000000-tsk-001"
            : "spec-000000000000");

        Assert.All(called.Where(c => c.Contains("{id}", StringComparison.Ordinal)), c => Assert.EndsWith("→ 404", c));
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await Server.Client.GetAsync("openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Calls every operation of the document once; returns "METHOD path → status" for each.</summary>
    private async Task<List<string>> WalkAsync(JsonObject document, Func<string, string> idFor)
    {
        var called = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path["/api/".Length..].Replace("{id}", idFor(path), StringComparison.Ordinal));
                request.Content = BodyFor(method, path);
                using var response = await Server.Client.SendAsync(request);
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var body = await response.Content.ReadAsStringAsync();
                var declared = operation!["responses"]!.AsObject();
                Assert.True(declared.ContainsKey(status), $"{method.ToUpperInvariant()} {path} answered {status}, which the document does not declare ({string.Join(", ", declared.Select(r => r.Key))}): {body}");
                CheckContent(document, $"{method.ToUpperInvariant()} {path} → {status}", declared[status]!, response.Content.Headers.ContentType?.MediaType, body);
                called.Add($"{method.ToUpperInvariant()} {path} → {status}");
            }
        }

        return called;
    }

    private HttpContent? BodyFor(string method, string path) => (method, path) switch
    {
        ("post", "/api/specs") => LocalServerHarness.Json(new JsonObject { ["title"] = "Contract", ["description"] = "The CLI shall greet the user by name.", ["repository"] = Server.Repository }.ToJsonString()),
        ("post", "/api/specs/{id}/approve") => LocalServerHarness.Json("{\"gate\":\"requirements\",\"approved\":true}"),
        ("post", "/api/specs/{id}/execute-tasks") => LocalServerHarness.Json("{}"),
        _ => null,
    };

    private static void CheckContent(JsonObject document, string call, JsonNode response, string? mediaType, string body)
    {
        if (response["content"] is not JsonObject content)
        {
            return;
        }

        Assert.True(mediaType is not null && content.ContainsKey(mediaType), $"{call}: answered {mediaType ?? "no content type"}, declared {string.Join(", ", content.Select(c => c.Key))}");
        if (!mediaType!.EndsWith("json", StringComparison.Ordinal))
        {
            return;
        }

        using var parsed = JsonDocument.Parse(body);
        if (Resolve(document, content[mediaType]!["schema"]) is { } schema && schema["properties"] is JsonObject properties && parsed.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var (name, _) in properties)
            {
                Assert.True(parsed.RootElement.TryGetProperty(name, out _), $"{call}: the body has no '{name}', which its schema declares: {body}");
            }
        }
    }

    private static JsonObject? Resolve(JsonObject document, JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]?.AsObject()
            : schema as JsonObject;
}
