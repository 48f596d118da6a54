using System.Net;
using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Moq;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Fakes;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: smuggle a header (<c>Set-Cookie</c>) or a redirect into a response through an id that ends up in
/// <c>Location</c>: CR/LF, an absolute URL, a protocol-relative path. Ids are looked up before any Location is written,
/// and Location only ever carries ids the server generated.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class LocationHeaderInjectionAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    private static readonly string[] EncodedIds =
    [
        "spec-000000000000%0D%0ASet-Cookie:%20pwned=1",
        "spec-000000000000%0ALocation:%20https://evil.example",
        "%2F%2Fevil.example",
        "https:%2F%2Fevil.example",
    ];

    private static readonly string[] Ids =
    [
        "spec-000000000000\r\nSet-Cookie: pwned=1",
        "spec-000000000000\nLocation: https://evil.example",
        "//evil.example",
        "https://evil.example",
    ];

    [Fact]
    public async Task PostRoutes_IdsCarryingHeaders_NoInjectedHeaderNoForeignLocation()
    {
        foreach (var id in EncodedIds)
        {
            foreach (var action in new[] { "execute", "approve", "execute-tasks", "cancel" })
            {
                using var response = await Server.Client.PostAsync($"specs/{id}/{action}", LocalServerHarness.Json("""{"gate":"design","approved":true}"""));

                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{action} {id}: {(int)response.StatusCode}");
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{action} {id}");
                Assert.Null(response.Headers.Location);
            }
        }
    }

    [Fact]
    public async Task PostSpec_Location_IsTheGeneratedIdOnly()
    {
        using var response = await Server.Client.PostAsync("specs", RepositorySpecs.Body(Server.Repository));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(GeneratedLocation(), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Triggers_IdsCarryingHeaders_NoInjectedHeaderNoLocation()
    {
        var runs = new SpecRunFunctions(_functions.Specs, new FakeCheckStatusResponseFactory(), FunctionsServices.Logger<SpecRunFunctions>());
        var client = new Mock<DurableTaskClient>("test").Object;
        foreach (var id in Ids)
        {
            var answers = new[]
            {
                await runs.ExecuteAsync(_functions.Post("specs/x/execute", null, null), id, client, CancellationToken.None),
                await runs.ApproveAsync(_functions.PostJson("specs/x/approve", """{"gate":"design","approved":true}"""), id, client, CancellationToken.None),
                await runs.ExecuteTasksAsync(_functions.Post("specs/x/execute-tasks", null, null), id, client, CancellationToken.None),
                await runs.CancelAsync(_functions.Post("specs/x/cancel", null, null), id, client, CancellationToken.None),
            };

            foreach (var answer in answers.Cast<TestHttpResponseData>())
            {
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.False(answer.Headers.Contains("Set-Cookie"));
                Assert.False(answer.Headers.Contains("Location"));
            }
        }
    }

    [GeneratedRegex("^/api/specs/spec-[a-z0-9]{12}$")]
    private static partial Regex GeneratedLocation();

    public void Dispose() => _functions.Dispose();
}
