using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OmoiOs.Core.Application;
using OmoiOs.Local.Server;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>The local host reads bodies through Core's <see cref="JsonRequestBody"/>, over real HTTP.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RequestBodyTests : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync(
            new LocalServerOptions
            {
                Settings = new Dictionary<string, string?>
                {
                    ["OMOI_STORAGE"] = "UseDevelopmentStorage=true",
                    ["OMOI_TABLE_PREFIX"] = "L" + Guid.NewGuid().ToString("N")[..12],
                },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ReadAsync_MalformedJson_Answers400NamingWhereItBroke()
    {
        using var response = await PostAsync("api/specs", Json("""{"title": 3"""));

        var problem = await ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal("body", Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
    }

    [Fact]
    public async Task ReadAsync_PlainText_Answers415()
    {
        using var response = await PostAsync("api/specs", new StringContent("title=x", Encoding.UTF8, "text/plain"));

        await ProblemAsync(HttpStatusCode.UnsupportedMediaType, response);
    }

    [Fact]
    public async Task ReadAsync_NoBody_Answers400SayingSo()
    {
        using var response = await PostAsync("api/specs", content: null);

        var problem = await ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal("The request has no body.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOver1MB_Answers413WithOrWithoutALength(bool declareLength)
    {
        var json = $$"""{"title":"{{new string('x', (int)JsonRequestBody.MaxBytes)}}"}""";
        HttpContent content = declareLength ? Json(json) : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/specs") { Content = content };
        request.Headers.TransferEncodingChunked = !declareLength;

        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var response = await http.SendAsync(request);

        await ProblemAsync(HttpStatusCode.RequestEntityTooLarge, response);
    }

    [Fact]
    public async Task ReadOptionalAsync_NoBodyForExecuteTasks_ReachesTheServiceWhichAnswers404ForAnUnknownSpec()
    {
        using var response = await PostAsync("api/specs/spec-000000000000/execute-tasks", content: null);

        await ProblemAsync(HttpStatusCode.NotFound, response);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent? content)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        return await http.PostAsync(path, content);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, body.RootElement.GetProperty("status").GetInt32());
        return body.RootElement.Clone();
    }
}
