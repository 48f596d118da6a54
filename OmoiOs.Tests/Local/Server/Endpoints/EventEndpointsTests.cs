using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Server.Endpoints;

/// <summary>The event log over real HTTP: JSON pages by <c>after</c>, and the server-sent event stream with Last-Event-ID replay.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EventEndpointsTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    private LocalServerHarness Server => fixture.Harness;

    [Fact]
    public async Task ListSpecEvents_PagedWithAfter_IsGapFreeFromOneAndMatchesOneRead()
    {
        var id = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForStatusAsync(id, "completed");

        var paged = await Server.EventsAsync(id, pageSize: 5);
        var whole = (await Server.GetJsonAsync($"specs/{id}/events")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(1, paged.Count).Select(n => (long)n), paged.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(whole.Select(e => e.GetRawText()), paged.Select(e => e.GetRawText()));
        Assert.Equal("spec_created", paged[0].GetProperty("type").GetString());
        Assert.Equal("execution_completed", paged[^1].GetProperty("type").GetString());
        Assert.Empty((await Server.GetJsonAsync($"specs/{id}/events?after={paged.Count}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListSpecEvents_EventStream_StreamsEveryEventInOrderAndEndsWhenTheSpecFinishes()
    {
        var id = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);

        var streamed = await ReadStreamAsync(LocalServerHarness.EventStreamRequest(id));

        var stored = await Server.EventsAsync(id);
        Assert.Equal("completed", (await Server.GetJsonAsync($"specs/{id}")).GetProperty("status").GetString());
        Assert.Equal(stored.Select(e => e.GetProperty("sequence").GetInt64()), streamed.Select(e => e.Id));
        Assert.Equal(stored.Select(e => e.GetProperty("type").GetString()), streamed.Select(e => e.Type));
        Assert.All(stored.Zip(streamed), pair => Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(pair.First.GetRawText()), JsonNode.Parse(pair.Second.Data.GetRawText())),
            $"streamed {pair.Second.Data} differs from stored {pair.First}"));
    }

    [Fact]
    public async Task ListSpecEvents_EventStreamWithLastEventId_ReplaysOnlyLaterEvents()
    {
        var id = (await Server.CreateSpecAsync()).GetProperty("id").GetString()!;
        await Server.ExecuteAsync(id);
        await Server.WaitForStatusAsync(id, "completed");
        var stored = await Server.EventsAsync(id);

        var replayed = await ReadStreamAsync(LocalServerHarness.EventStreamRequest(id, lastEventId: 5));
        var fromQuery = await ReadStreamAsync(new HttpRequestMessage(HttpMethod.Get, $"specs/{id}/events?after=7") { Headers = { { "Accept", "text/event-stream" } } });

        Assert.Equal(stored.Skip(5).Select(e => e.GetProperty("sequence").GetInt64()), replayed.Select(e => e.Id));
        Assert.Equal(stored.Skip(7).Select(e => e.GetProperty("sequence").GetInt64()), fromQuery.Select(e => e.Id));
    }

    [Fact]
    public async Task ListSpecEvents_EventStreamOfUnknownSpec_Returns404Problem()
    {
        using var response = await Server.Client.SendAsync(LocalServerHarness.EventStreamRequest("spec-000000000000"));

        await LocalServerHarness.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Reads a whole <c>text/event-stream</c> answer; the server must end it (the deadline fails the test otherwise).</summary>
    private async Task<List<StreamedEvent>> ReadStreamAsync(HttpRequestMessage request)
    {
        using var deadline = new CancellationTokenSource(LocalServerHarness.StateDeadline);
        using var response = await Server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var events = new List<StreamedEvent>();
        var fields = new Dictionary<string, string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length > 0)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                fields[line[..colon]] = line[(colon + 1)..].TrimStart();
                continue;
            }

            events.Add(new StreamedEvent(long.Parse(fields["id"]), fields["event"], JsonDocument.Parse(fields["data"]).RootElement.Clone()));
            fields.Clear();
        }

        Assert.Empty(fields);
        return events;
    }

    private sealed record StreamedEvent(long Id, string Type, JsonElement Data);
}
