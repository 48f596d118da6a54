using System.Net;
using System.Text.Json;
using OmoiOs.Functions.Http;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Functions.TestHttp;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Http;

[Collection(AzuriteGroup.Name)]
public sealed class EventFunctionsTests(PlannedSpecFixture planned) : IClassFixture<PlannedSpecFixture>
{
    private string SpecId => planned.Spec.Id;

    [Fact]
    public async Task ListAsync_PlannedSpec_ListsItsEventsWithGapFreeSequenceFromOne()
    {
        var sequences = await SequencesAsync($"specs/{SpecId}/events");

        Assert.NotEmpty(sequences);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task ListAsync_AfterAndMax_ListsThatWindow()
    {
        var sequences = await SequencesAsync($"specs/{SpecId}/events?after=2&max=3");

        Assert.Equal([3L, 4L, 5L], sequences);
    }

    /// <summary>No server-sent events on Functions (docs/functions.md): a stream request gets the same JSON page.</summary>
    [Fact]
    public async Task ListAsync_AcceptEventStream_AnswersWithTheJsonPage()
    {
        var request = planned.Services.Get($"specs/{SpecId}/events?after=1&max=1");
        request.Headers.Add("Accept", "text/event-stream");

        var response = Assert.IsType<TestHttpResponseData>(await CreateSut().ListAsync(request, SpecId, CancellationToken.None));

        Assert.Equal(["application/json; charset=utf-8"], response.Headers.GetValues("Content-Type"));
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(2, Assert.Single(body.RootElement.GetProperty("items").EnumerateArray()).GetProperty("sequence").GetInt64());
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=first", "after")]
    [InlineData("max=0", "max")]
    [InlineData("max=1001", "max")]
    public async Task ListAsync_MalformedQuery_Returns400NamingTheParameter(string query, string parameter)
    {
        var response = await CreateSut().ListAsync(planned.Services.Get($"specs/{SpecId}/events?{query}"), SpecId, CancellationToken.None);

        Assert.Equal([parameter], ProblemAssert.ErrorFields(ProblemAssert.IsProblem(HttpStatusCode.BadRequest, response)));
    }

    [Fact]
    public async Task ListAsync_UnknownSpec_Returns404()
    {
        var response = await CreateSut().ListAsync(planned.Services.Get("specs/spec-000000000000/events"), "spec-000000000000", CancellationToken.None);

        ProblemAssert.IsProblem(HttpStatusCode.NotFound, response);
    }

    [Fact]
    public void Declaration_ListAsync_IsAKeyedGetOnTheEventsRoute() =>
        TriggerAssert.Declares(typeof(EventFunctions).GetMethod(nameof(EventFunctions.ListAsync))!, "ListSpecEvents", "get", "api/specs/{id}/events");

    private EventFunctions CreateSut() => new(planned.Services.Specs, FunctionsServices.Logger<EventFunctions>());

    private async Task<List<long>> SequencesAsync(string pathAndQuery)
    {
        var response = Assert.IsType<TestHttpResponseData>(await CreateSut().ListAsync(planned.Services.Get(pathAndQuery), SpecId, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        return body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
    }
}
