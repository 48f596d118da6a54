using System.Net;
using System.Text;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: a page on another site makes the user's browser POST to the local API (a form or a no-cors fetch needs no
/// preflight: text/plain bodies, or none). State-changing requests carrying another site's <c>Origin</c> or a
/// cross-site <c>Sec-Fetch-Site</c> are refused with 403 and change nothing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrossSitePostAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    private string OwnOrigin => Server.Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public static TheoryData<string, string> ForeignBrowsers => new()
    {
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
        { "Origin", "http://127.0.0.1.evil.example" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [Theory]
    [MemberData(nameof(ForeignBrowsers))]
    public async Task PostSpec_FromAnotherSite_403AndNothingStored(string header, string value)
    {
        var before = await Server.SpecIdsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = RepositorySpecs.Body(Server.Repository) };
        request.Headers.Add(header, value);

        using var response = await Server.Client.SendAsync(request);

        var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("https://omoios.dev/problems/cross-site", problem.GetProperty("type").GetString());
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [MemberData(nameof(ForeignBrowsers))]
    public async Task CancelAndExecute_FormPostFromAnotherSite_403AndTheSpecUntouched(string header, string value)
    {
        var id = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;

        foreach (var action in new[] { "cancel", "execute" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"specs/{id}/{action}") { Content = new StringContent("x=1", Encoding.UTF8, "text/plain") };
            request.Headers.Add(header, value);

            using var response = await Server.Client.SendAsync(request);

            await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        Assert.Equal("draft", (await Server.GetJsonAsync($"specs/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostSpec_SameOriginBrowser_Created()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = RepositorySpecs.Body(Server.Repository) };
        request.Headers.Add("Origin", OwnOrigin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task GetSpecs_FromAnotherSite_AnsweredWithoutGrantingItTheResponse()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "specs");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
