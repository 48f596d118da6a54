using OmoiOs.Tests.Support;
using Xunit.Abstractions;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>Load on the real local server: many specs submitted over HTTP at the same moment all run to the end.</summary>
[Collection(AzuriteGroup.Name)]
[Trait("Category", "Faults")]
public sealed class ConcurrentSpecsTests(ITestOutputHelper output)
{
    private const int Specs = 100;

    // One statement, so the heuristic planner plans a small graph: the test is about a hundred specs at once, not big plans.
    private const string SmallSpec = """
        # Greeting note

        The README documents the greeting word.
        """;

    // A deadline, not a timing: on the shared two-core machine at load 15 the hundred specs took over four minutes.
    private static readonly TimeSpan AllFinishedDeadline = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task LocalServer_HundredSpecsSubmittedAtOnce_AllCompleteAndTheInvariantsHold()
    {
        await using var server = await LocalServerHarness.StartAsync();
        var started = DateTimeOffset.UtcNow;

        var specIds = await Task.WhenAll(Enumerable.Range(1, Specs).Select(async n =>
        {
            var spec = await server.CreateSpecAsync(title: $"Greeting note {n}", description: SmallSpec);
            var id = spec.GetProperty("id").GetString()!;
            await server.ExecuteAsync(id);
            return id;
        }));

        var statuses = await WaitUntilAllFinishedAsync(server, specIds);
        output.WriteLine($"{Specs} specs finished {DateTimeOffset.UtcNow - started:mm\\:ss} after submission");
        Assert.True(statuses.Values.All(s => s == "completed"), string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}")));
        using var invariants = new RunInvariants("UseDevelopmentStorage=true", server.TablePrefix);
        var violations = await invariants.ViolationsAsync(specIds);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        var tasks = (await server.GetJsonAsync("tasks?pageSize=1000")).GetProperty("items").GetArrayLength();
        output.WriteLine($"{tasks} tasks");
        Assert.True(tasks >= Specs, $"only {tasks} tasks for {Specs} specs");
    }

    private async Task<Dictionary<string, string>> WaitUntilAllFinishedAsync(LocalServerHarness server, string[] specIds)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = DateTimeOffset.UtcNow + AllFinishedDeadline;
        while (true)
        {
            var listed = (await server.GetJsonAsync("specs?pageSize=1000")).GetProperty("items").EnumerateArray()
                .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("status").GetString()!);
            var statuses = specIds.ToDictionary(id => id, id => listed.GetValueOrDefault(id, "missing"));
            if (statuses.Values.All(s => s is "completed" or "failed" or "cancelled"))
            {
                return statuses;
            }

            output.WriteLine($"{DateTimeOffset.UtcNow - started:mm\\:ss} {string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}"))}");
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"not all finished within {AllFinishedDeadline}: {string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}"))}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }
}
