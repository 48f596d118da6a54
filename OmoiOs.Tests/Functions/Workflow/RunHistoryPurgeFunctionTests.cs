using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OmoiOs.Functions.Workflow;
using OmoiOs.Infrastructure.Workflow;

namespace OmoiOs.Tests.Functions.Workflow;

/// <summary>The hourly timer over <c>new Mock&lt;DurableTaskClient&gt;("test")</c>: which runs' history it asks Durable to purge.</summary>
public sealed class RunHistoryPurgeFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_DefaultRetention_PurgesFinishedRunsCreatedMoreThanAWeekAgo()
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PurgeResult(3));
        var purge = new RunHistoryPurge(Options.Create(new RunHistoryOptions()), new FakeTimeProvider(Now), NullLogger<RunHistoryPurge>.Instance);

        await new RunHistoryPurgeFunction(purge).RunAsync(new TimerInfo(), client.Object, CancellationToken.None);

        client.Verify(c => c.PurgeAllInstancesAsync(
            It.Is<PurgeInstancesFilter>(f => f.CreatedFrom == null && f.CreatedTo == Now.AddDays(-7)
                && f.Statuses!.Order().SequenceEqual(new[] { OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated }.Order())),
            It.IsAny<CancellationToken>()), Times.Once);
    }

}
