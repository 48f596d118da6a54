using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;
using OmoiOs.Core.Application;
using Microsoft.DurableTask.Client;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Fakes;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Security;

/// <summary>
/// Attack: climb out of wherever an id or a file name is looked up (<c>../../etc/passwd</c>, encoded, doubled, with NUL)
/// in every route that takes an id, in <c>?specId=</c> and <c>?continuationToken=</c>, and in the export's <c>?file=</c>.
/// Ids are record keys, never paths: each answer is a 400 or 404 problem that holds nothing of the host (a continuation
/// token is an opaque storage key: a made-up one finds nothing).
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PathTraversalAttackTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly HostSecret _secret = new();
    private readonly FunctionsServices _functions = new();

    private LocalServerHarness Server => fixture.Harness;

    /// <summary>Ids as they travel in a URL path (percent-encoded, so the client does not resolve the dots itself).</summary>
    private static readonly string[] EncodedIds =
    [
        "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "..%5C..%5C..%5Cetc%5Cpasswd",
        "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "spec-abcdef123456%00",
        "spec-abcdef123456%2F..%2F..%2F..%2Froot",
        "%2Fetc%2Fpasswd",
        "spec-" + new string('a', 2000),
    ];

    /// <summary>The same ids as a trigger receives them, decoded.</summary>
    public static TheoryData<string> DecodedIds => new()
    {
        "../../../../etc/passwd",
        "..\\..\\..\\etc\\passwd",
        "spec-abcdef123456\0",
        "/etc/passwd",
        "spec-abcdef123456/../../../root",
    };

    public static TheoryData<string, string> IdRoutes => new()
    {
        { "GET", "specs/{0}" },
        { "POST", "specs/{0}/execute" },
        { "POST", "specs/{0}/approve" },
        { "POST", "specs/{0}/execute-tasks" },
        { "GET", "specs/{0}/execution-status" },
        { "GET", "specs/{0}/requirements" },
        { "GET", "specs/{0}/design" },
        { "GET", "specs/{0}/tasks" },
        { "GET", "specs/{0}/export?format=kiro" },
        { "POST", "specs/{0}/cancel" },
        { "GET", "specs/{0}/events" },
        { "GET", "tickets/{0}" },
        { "GET", "tasks/{0}" },
        { "GET", "tickets?specId={0}" },
        { "GET", "tasks?specId={0}" },
    };

    [Theory]
    [MemberData(nameof(IdRoutes))]
    public async Task EveryIdRoute_TraversingIds_400Or404WithNothingOfTheHost(string method, string route)
    {
        foreach (var id in EncodedIds)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id));
            if (method == "POST")
            {
                request.Content = LocalServerHarness.Json("""{"gate":"requirements","approved":true}""");
            }

            using var response = await Server.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{method} {route} with {id}: {(int)response.StatusCode} {body}");
            // Kestrel refuses a NUL in the path itself, before any of OmoiOs's code: a bare 400 with no body.
            var refusedByKestrel = response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0;
            Assert.True(refusedByKestrel || response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {route} with {id}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {body}");
            _secret.AssertNotIn(body);
        }
    }

    [Fact]
    public async Task ListSpecs_TraversingContinuationToken_AnOpaqueKeyThatFindsNothing()
    {
        foreach (var token in EncodedIds)
        {
            using var response = await Server.Client.GetAsync($"specs?continuationToken={token}");
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{token}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("\"id\"", body, StringComparison.Ordinal);
            _secret.AssertNotIn(body);
        }
    }

    [Fact]
    public async Task ExportFile_TraversingNames_400ListingTheFilesAndNothingOfTheHost()
    {
        var id = (await Server.CreateSpecAsync(new { maxParallelTasks = 4 })).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForStatusAsync(id, "completed", "failed");

        foreach (var name in new[] { "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", Uri.EscapeDataString(_secret.Path), "requirements.md%00", "..%2Frequirements.md" })
        {
            using var response = await Server.Client.GetAsync($"specs/{id}/export?format=kiro&file={name}");
            var body = await response.Content.ReadAsStringAsync();

            var problem = await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(["file"], LocalServerHarness.ErrorFields(problem));
            Assert.Contains("requirements.md", body, StringComparison.Ordinal);
            _secret.AssertNotIn(body);
        }

        using var allowed = await Server.Client.GetAsync($"specs/{id}/export?format=kiro&file=requirements.md");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DecodedIds))]
    public async Task Triggers_TraversingIds_400Or404WithNothingOfTheHost(string id)
    {
        var client = new Mock<DurableTaskClient>("test").Object;
        var specs = new SpecFunctions(_functions.Specs, FunctionsServices.Logger<SpecFunctions>());
        var runs = new SpecRunFunctions(_functions.Specs, new FakeCheckStatusResponseFactory(), FunctionsServices.Logger<SpecRunFunctions>());
        var documents = new SpecDocumentFunctions(_functions.Specs, FunctionsServices.Logger<SpecDocumentFunctions>());
        var records = new RecordFunctions(_functions.Get<RecordQueries>(), FunctionsServices.Logger<RecordFunctions>());
        var events = new EventFunctions(_functions.Specs, _functions.Get<SpecEventFeed>(), FunctionsServices.Logger<EventFunctions>());
        var none = CancellationToken.None;
        var escaped = Uri.EscapeDataString(id);
        var answers = new List<HttpResponseData>
        {
            await specs.GetAsync(_functions.Get("specs/x"), id, none),
            await specs.GetExecutionStatusAsync(_functions.Get("specs/x/execution-status"), id, none),
            await runs.ExecuteAsync(_functions.Post("specs/x/execute", null, null), id, client, none),
            await runs.ApproveAsync(_functions.PostJson("specs/x/approve", """{"gate":"requirements","approved":true}"""), id, client, none),
            await runs.ExecuteTasksAsync(_functions.Post("specs/x/execute-tasks", null, null), id, client, none),
            await runs.CancelAsync(_functions.Post("specs/x/cancel", null, null), id, client, none),
            await documents.ListRequirementsAsync(_functions.Get("specs/x/requirements"), id, none),
            await documents.GetDesignAsync(_functions.Get("specs/x/design"), id, none),
            await documents.ListTasksAsync(_functions.Get("specs/x/tasks"), id, none),
            await documents.ExportAsync(_functions.Get($"specs/x/export?format=kiro&file={escaped}"), id, none),
            await events.ListAsync(_functions.Get("specs/x/events"), id, none),
            await records.GetTicketAsync(_functions.Get("tickets/x"), id, none),
            await records.GetTaskAsync(_functions.Get("tasks/x"), id, none),
            await records.ListTicketsAsync(_functions.Get($"tickets?specId={escaped}"), none),
            await records.ListTasksAsync(_functions.Get($"tasks?specId={escaped}"), none),
        };

        foreach (var answer in answers.Cast<TestHttpResponseData>())
        {
            var body = answer.ReadBody();
            Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)answer.StatusCode} {body}");
            _secret.AssertNotIn(body);
        }
    }

    public void Dispose()
    {
        _secret.Dispose();
        _functions.Dispose();
    }
}
