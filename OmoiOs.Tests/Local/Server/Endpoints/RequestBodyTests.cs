using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>Bodies the API refuses, over real HTTP: each answer a problem naming the cause, and nothing stored.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RequestBodyTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    [Theory]
    [InlineData("{bad")]
    [InlineData("{\"title\": \"x\",")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public async Task CreateSpec_MalformedJson_Returns400AndStoresNothing(string json)
    {
        var before = await Server.SpecIdsAsync();

        using var response = await Server.Client.PostAsync("specs", LocalServerHarness.Json(json));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(LocalServerHarness.ErrorFields(problem));
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task CreateSpec_WrongContentType_Returns415ProblemAndStoresNothing(string contentType)
    {
        var before = await Server.SpecIdsAsync();
        var body = new StringContent($"{{\"title\":\"t\",\"description\":\"d\",\"repository\":\"{Server.Repository}\"}}", Encoding.UTF8, contentType);

        using var response = await Server.Client.PostAsync("specs", body);

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(contentType, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task CreateSpec_NoBody_Returns400NamingTheBody()
    {
        using var response = await Server.Client.PostAsync("specs", null);

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("body", LocalServerHarness.ErrorFields(problem));
    }

    [Fact]
    public async Task CreateSpec_ContentLengthOver1MB_Returns413BeforeParsing()
    {
        var before = await Server.SpecIdsAsync();

        // Not JSON at all: a server that parsed before checking the size would answer 400. The client asks to continue
        // first, as curl does for large bodies: the server answers 413 without reading the body, so the client never
        // sends it. Without that, the client may still be writing when the server closes (a broken pipe, seen in CI).
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', 1024 * 1024 + 1)))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        request.Headers.ExpectContinue = true;
        using var response = await Server.Client.SendAsync(request);

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task CreateSpec_ChunkedBodyOver1MB_Returns413AndStoresNothing()
    {
        var before = await Server.SpecIdsAsync();
        var json = $"{{\"title\":\"t\",\"repository\":\"{Server.Repository}\",\"description\":\"{new string('y', 1100 * 1024)}\"}}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Server.Client.SendAsync(request);

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task ApproveSpec_UnknownGate_Returns400NamingGate()
    {
        var spec = await Server.CreateSpecAsync();
        var id = spec.GetProperty("id").GetString();

        using var response = await Server.Client.PostAsync($"specs/{id}/approve", LocalServerHarness.Json("{\"gate\":\"deploy\",\"approved\":true}"));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["gate"], LocalServerHarness.ErrorFields(problem));
    }

    [Fact]
    public async Task ExecuteSpecTasks_TaskIdsNotAList_Returns400NamingTaskIds()
    {
        var spec = await Server.CreateSpecAsync();
        var id = spec.GetProperty("id").GetString();

        using var response = await Server.Client.PostAsync($"specs/{id}/execute-tasks", LocalServerHarness.Json("{\"taskIds\": 5}"));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["taskIds"], LocalServerHarness.ErrorFields(problem));
        Assert.Equal("draft", (await Server.GetJsonAsync($"specs/{id}")).GetProperty("status").GetString());
    }
}
