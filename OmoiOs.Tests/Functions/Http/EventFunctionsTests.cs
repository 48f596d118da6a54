using System.Net;
using System.Text.Json;
using OmoiOs.Core.Application;
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

    [Fact]
    public async Task ListAsync_AcceptEventStreamWithLastEventId_AnswersTheFollowingEventsAsServerSentEvents()
    {
        var request = planned.Services.Get($"specs/{SpecId}/events?after=0");
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Last-Event-ID", "2");

        var response = Assert.IsType<TestHttpResponseData>(await CreateSut().ListAsync(request, SpecId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["text/event-stream"], response.Headers.GetValues("Content-Type"));
        var frames = response.ReadBody().Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("retry: 1000", frames[0]);
        var ids = frames.Skip(1).Select(f => long.Parse(f.Split('\n')[0]["id: ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(3, ids.Count).Select(i => (long)i), ids);
        Assert.All(frames.Skip(1), f => Assert.Contains("\nevent: ", f, StringComparison.Ordinal));
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

    private EventFunctions CreateSut() => new(planned.Services.Specs, planned.Services.Get<SpecEventFeed>(), FunctionsServices.Logger<EventFunctions>());

    private async Task<List<long>> SequencesAsync(string pathAndQuery)
    {
        var response = Assert.IsType<TestHttpResponseData>(await CreateSut().ListAsync(planned.Services.Get(pathAndQuery), SpecId, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        return body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
    }
}
