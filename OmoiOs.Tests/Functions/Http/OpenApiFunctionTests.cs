using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using OmoiOs.Functions.Http;
using OmoiOs.Local.Server;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Http;

[Collection(AzuriteGroup.Name)]
public sealed class OpenApiFunctionTests
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot.Find(), "docs", "openapi.json");

    [Fact]
    public async Task GetAsync_Always_ServesTheCommittedDocumentAsJson()
    {
        var request = new TestHttpRequestData(TestFunctionContexts.WithOmoiFunctionsServices(), "GET", new Uri("http://localhost:7071/api/openapi.json"));

        var response = Assert.IsType<TestHttpResponseData>(await OpenApiFunction.GetAsync(request, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["application/json; charset=utf-8"], response.Headers.GetValues("Content-Type"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath)), JsonNode.Parse(response.ReadBody())), "the embedded document is not docs/openapi.json");
    }

    /// <summary>The one contract of API.md: the Functions app serves what the local server generates, so they never drift.</summary>
    [Fact]
    public async Task CommittedDocument_ComparedWithTheLocalServer_IsWhatItServesNow()
    {
        var served = await FetchFromLocalServerAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath));

        if (!JsonNode.DeepEquals(served, committed))
        {
            var fresh = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(fresh, Format(served));
            Assert.Fail($"docs/openapi.json differs from what the local server serves now. The served document is in {fresh}: " +
                $"`cp {fresh} {CommittedPath}`, rebuild and commit it (OmoiOs.Functions embeds it).");
        }
    }

    /// <summary>The document leaves out its own route and the web view; every other function answers one of its operations and vice versa.</summary>
    [Fact]
    public void Functions_EveryOperationOfTheDocument_HasAnHttpTriggerWithItsRouteAndMethod()
    {
        var document = JsonNode.Parse(File.ReadAllText(CommittedPath))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var triggers = HttpTriggers()
            .Where(t => t.Route is not ("api/openapi.json" or WebViewFunction.Route))
            .SelectMany(t => (t.Methods ?? []).Select(method => $"{method.ToUpperInvariant()} /{t.Route}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(documented, triggers);
    }

    [Fact]
    public void Functions_EveryHttpTriggerButHealth_NeedsAFunctionKey()
    {
        var triggers = HttpTriggers().ToList();

        Assert.All(triggers.Where(t => t.Route != "api/health"), t => Assert.Equal(AuthorizationLevel.Function, t.AuthLevel));
        Assert.Equal(AuthorizationLevel.Anonymous, Assert.Single(triggers, t => t.Route == "api/health").AuthLevel);
    }

    private static IEnumerable<HttpTriggerAttribute> HttpTriggers() =>
        typeof(OpenApiFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>();

    private static async Task<JsonNode?> FetchFromLocalServerAsync()
    {
        var options = new LocalServerOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
                ["OMOI_TABLE_PREFIX"] = "O" + Guid.NewGuid().ToString("N")[..12],
            },
        };
        await using var server = await LocalServer.StartAsync(options, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        return JsonNode.Parse(await http.GetStringAsync("api/openapi.json"));
    }

    private static string Format(JsonNode? document) =>
        document!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
