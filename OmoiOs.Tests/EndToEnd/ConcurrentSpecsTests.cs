using OmoiOs.Tests.Support;
using Xunit.Abstractions;

namespace OmoiOs.Tests.EndToEnd;

/// <summary>Load on the real local server: many specs submitted over HTTP at the same moment all run to the end.</summary>
[Collection(AzuriteGroup.Name)]
[Trait("Category", "Faults")]
public sealed class ConcurrentSpecsTests(ITestOutputHelper output)
{
    private static readonly int Specs = int.Parse(Environment.GetEnvironmentVariable("PROBE_SPECS") ?? "100", System.Globalization.CultureInfo.InvariantCulture);

    // One statement, so the heuristic planner plans a small graph: the test is about a hundred specs at once, not big plans.
    private const string SmallSpec = """
        # Greeting note

        The README documents the greeting word.
        """;

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

        var statuses = await WaitUntilAllFinishedAsync(server, specIds, output);
        output.WriteLine($"{Specs} specs finished {DateTimeOffset.UtcNow - started:mm\\:ss} after submission");
        Assert.True(statuses.Values.All(s => s == "completed"), string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}")));
        using var invariants = new RunInvariants("UseDevelopmentStorage=true", server.TablePrefix);
        var violations = await invariants.ViolationsAsync(specIds);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        var tasks = (await server.GetJsonAsync("tasks?pageSize=1000")).GetProperty("items").GetArrayLength();
        output.WriteLine($"{tasks} tasks");
        Assert.True(tasks >= Specs, $"only {tasks} tasks for {Specs} specs");
    }

    private static async Task<Dictionary<string, string>> WaitUntilAllFinishedAsync(LocalServerHarness server, string[] specIds, ITestOutputHelper output)
    {
        var t0 = DateTimeOffset.UtcNow;
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

            var tasks = (await server.GetJsonAsync("tasks?pageSize=1000")).GetProperty("items").EnumerateArray().GroupBy(t => t.GetProperty("status").GetString()).Select(g => $"{g.Count()} {g.Key}");
            Console.WriteLine($"PROBE {DateTimeOffset.UtcNow - t0:mm\\:ss} specs: {string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}"))}; tasks: {string.Join(", ", tasks)}");
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"not all finished within {AllFinishedDeadline}: {string.Join(", ", statuses.GroupBy(s => s.Value).Select(g => $"{g.Count()} {g.Key}"))}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }
}
