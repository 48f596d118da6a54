using System.Net;
using System.Text;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>Answers routing makes on its own (no route, wrong method, refused content type) are problems too, not bare statuses.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProblemMiddlewareTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    [Theory]
    [InlineData("GET", "no-such-route")]
    [InlineData("GET", "specs/spec-000000000000/no-such-thing")]
    [InlineData("POST", "health/deep")]
    public async Task UnknownRoute_Returns404ProblemNamingTheRoute(string method, string route)
    {
        using var response = await Server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains($"{method} /api/{route}", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("PUT", "specs/spec-000000000000")]
    [InlineData("DELETE", "specs/spec-000000000000")]
    [InlineData("GET", "specs/spec-000000000000/execute")]
    [InlineData("POST", "tickets/ticket-000000000000")]
    public async Task WrongMethod_Returns405ProblemNamingTheMethod(string method, string route)
    {
        using var response = await Server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains(method, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ApproveSpec_FormBody_Returns415Problem()
    {
        var spec = await Server.CreateSpecAsync();

        using var response = await Server.Client.PostAsync(
            $"specs/{spec.GetProperty("id").GetString()}/approve",
            new StringContent("gate=requirements&approved=true", Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }
}
