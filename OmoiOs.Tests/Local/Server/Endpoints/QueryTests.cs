using System.Net;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>Query values the API refuses, over real HTTP: 400 naming the parameter, never a 500 or a silent default.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class QueryTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    [Theory]
    [InlineData("events?after=-1", "after")]
    [InlineData("events?after=abc", "after")]
    [InlineData("events?after=1.5", "after")]
    [InlineData("events?max=0", "max")]
    [InlineData("events?max=100000", "max")]
    [InlineData("export?format=pdf", "format")]
    public async Task SpecRoute_BadQueryValue_Returns400NamingTheParameter(string route, string parameter)
    {
        var spec = await Server.CreateSpecAsync();

        using var response = await Server.Client.GetAsync($"specs/{spec.GetProperty("id").GetString()}/{route}");

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([parameter], LocalServerHarness.ErrorFields(problem));
    }

    [Theory]
    [InlineData("specs?pageSize=0", "pageSize")]
    [InlineData("specs?pageSize=-5", "pageSize")]
    [InlineData("specs?pageSize=1001", "pageSize")]
    [InlineData("specs?pageSize=ten", "pageSize")]
    [InlineData("tickets?pageSize=0", "pageSize")]
    [InlineData("tasks?pageSize=0", "pageSize")]
    [InlineData("tickets?specId=not-a-spec", "specId")]
    [InlineData("tasks?specId=../../etc", "specId")]
    public async Task ListRoute_BadQueryValue_Returns400NamingTheParameter(string route, string parameter)
    {
        using var response = await Server.Client.GetAsync(route);

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([parameter], LocalServerHarness.ErrorFields(problem));
    }

    [Fact]
    public async Task ListSpecs_PageSize_PagesWithContinuationToken()
    {
        for (var i = 0; i < 3; i++)
        {
            await Server.CreateSpecAsync(title: $"Paging {i}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Server.GetJsonAsync("specs?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 2);
            seen.AddRange(items.Select(s => s.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(await Server.SpecIdsAsync(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
