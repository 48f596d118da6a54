using System.Net;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: a page on evil.example re-resolves its own name to 127.0.0.1 and reads the local API as same-origin; its
/// requests carry <c>Host: evil.example</c>. The local server answers only the hosts it serves.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DnsRebindingAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    private int Port => Server.Server.BaseAddress.Port;

    [Fact]
    public async Task AnyRoute_ForeignHost_400UnknownHostWithNoData()
    {
        var id = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;

        foreach (var host in new[] { "evil.example", $"evil.example:{Port}", $"127.0.0.1.nip.io:{Port}", $"localhost.evil.example:{Port}", $"{id}.evil.example" })
        {
            foreach (var (method, path) in new[] { ("GET", "specs"), ("GET", $"specs/{id}"), ("GET", "health"), ("POST", $"specs/{id}/cancel") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                request.Headers.Host = host;

                using var response = await Server.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();

                var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.Equal("https://omoios.dev/problems/host", problem.GetProperty("type").GetString());
                Assert.DoesNotContain("\"status\":\"draft\"", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Configurable greeting", body, StringComparison.Ordinal);
            }
        }

        Assert.Equal("draft", (await Server.GetJsonAsync($"specs/{id}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("LOCALHOST")]
    public async Task AnyRoute_TheServedHost_Answered(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "specs");
        request.Headers.Host = $"{name}:{Port}";

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
