using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

public sealed class PrefetchStallTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_SameMessagesHeldAtTheLimitForTheStallTime_ReportsOneStall()
    {
        var stall = new PrefetchStall();
        var held = Messages("a", TaskHubService.PrefetchLimit);

        var seen = new[] { TimeSpan.Zero, TimeSpan.FromMinutes(1), PrefetchStall.StallTime, PrefetchStall.StallTime + TimeSpan.FromSeconds(15) }
            .Select(at => stall.Observe(held, Start + at)).ToList();

        Assert.Equal([false, false, true, false], seen);
    }

    [Fact]
    public void Observe_MessagesFinishedAndFetchedAtTheLimit_NeverReportsAStall()
    {
        var stall = new PrefetchStall();

        var seen = Enumerable.Range(0, 40).Select(i => stall.Observe(Messages($"batch{i}-", TaskHubService.PrefetchLimit), Start + (TimeSpan.FromSeconds(15) * i))).ToList();

        Assert.DoesNotContain(true, seen);
    }

    [Fact]
    public void Observe_OneMessageOfTheLimitFinishedMeanwhile_StartsWatchingAgain()
    {
        var stall = new PrefetchStall();
        var held = Messages("a", TaskHubService.PrefetchLimit);
        var oneFinished = held.Skip(1).Append("b").ToList();

        stall.Observe(held, Start);
        var afterChange = stall.Observe(oneFinished, Start + TimeSpan.FromMinutes(1));
        var notYet = stall.Observe(oneFinished, Start + PrefetchStall.StallTime);
        var stalled = stall.Observe(oneFinished, Start + TimeSpan.FromMinutes(1) + PrefetchStall.StallTime);

        Assert.Equal((false, false, true), (afterChange, notYet, stalled));
    }

    [Fact]
    public void Observe_FewerThanTheLimitHeldForLong_NeverReportsAStall()
    {
        var stall = new PrefetchStall();
        var held = Messages("a", TaskHubService.PrefetchLimit - 1);

        Assert.DoesNotContain(true, Enumerable.Range(0, 20).Select(i => stall.Observe(held, Start + TimeSpan.FromMinutes(i))));
    }

    private static List<string> Messages(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i).ToList();
}
