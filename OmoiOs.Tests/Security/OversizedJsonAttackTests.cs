using System.Net;
using System.Text;
using OmoiOs.Core.Application;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Fakes;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: exhaust the server with request bodies: over 1 MB declared, over 1 MB streamed without a length, or small
/// but nested thousands deep. Each is refused (413, or 400 naming where the JSON went wrong), never a 500, nothing stored.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class OversizedJsonAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    public static TheoryData<string> DeeplyNested => new()
    {
        """{"title":"t","description":"d","repository":"/tmp","options":""" + new string('[', 100_000) + new string(']', 100_000) + "}",
        string.Concat(Enumerable.Repeat("""{"a":""", 50_000)) + "1" + new string('}', 50_000),
    };

    [Fact]
    public async Task PostSpec_DeclaredOver1MB_413()
    {
        var before = await Server.SpecIdsAsync();

        // Expect: 100-continue, as a well-behaved client sends a large body: the server refuses on the declared length
        // before any of the body is sent, so the client never writes into a connection the server has closed.
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = LocalServerHarness.Json(Huge()) };
        request.Headers.ExpectContinue = true;
        using var response = await Server.Client.SendAsync(request);

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Fact]
    public async Task PostSpec_StreamedOver1MBWithoutALength_413()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Huge())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "specs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Server.Client.SendAsync(request);

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public async Task PostSpecAndApprove_NestedThousandsDeep_400NotA500(string json)
    {
        var before = await Server.SpecIdsAsync();

        using var create = await Server.Client.PostAsync("specs", LocalServerHarness.Json(json));
        using var approve = await Server.Client.PostAsync("specs/spec-000000000000/approve", LocalServerHarness.Json(json));

        await LocalServerHarness.AssertProblemAsync(create, HttpStatusCode.BadRequest);
        await LocalServerHarness.AssertProblemAsync(approve, HttpStatusCode.BadRequest);
        Assert.Equal(before, await Server.SpecIdsAsync());
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public async Task Triggers_NestedThousandsDeep_400NotA500(string json)
    {
        var specs = new SpecFunctions(_functions.Specs, FunctionsServices.Logger<SpecFunctions>());
        var runs = new SpecRunFunctions(_functions.Specs, new FakeCheckStatusResponseFactory(), FunctionsServices.Logger<SpecRunFunctions>());

        var create = await specs.CreateAsync(_functions.PostJson("specs", json), CancellationToken.None);
        var approve = await runs.ApproveAsync(_functions.PostJson("specs/x/approve", json), "spec-000000000000", new Moq.Mock<Microsoft.DurableTask.Client.DurableTaskClient>("test").Object, CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.BadRequest, create);
        ProblemAssert.IsProblem(HttpStatusCode.BadRequest, approve);
        Assert.Empty((await _functions.Specs.ListAsync(10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task CreateTrigger_Over1MB_413()
    {
        var sut = new SpecFunctions(_functions.Specs, FunctionsServices.Logger<SpecFunctions>());

        var response = await sut.CreateAsync(_functions.PostJson("specs", Huge()), CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.RequestEntityTooLarge, response);
    }

    private static string Huge() =>
        System.Text.Json.JsonSerializer.Serialize(new { title = "t", description = new string('x', (int)JsonRequestBody.MaxBytes + 10), repository = "/tmp" });

    public void Dispose() => _functions.Dispose();
}
