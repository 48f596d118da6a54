using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

public sealed class ActivityAbandonRetryTests
{
    private readonly Mock<IOrchestrationService> _inner = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new();
    private readonly TaskActivityWorkItem _workItem = new() { Id = "message-1" };

    [Fact]
    public async Task AbandonTaskActivityWorkItemAsync_StorageDownTwice_RetriesUntilTheProviderTakesTheMessage()
    {
        var calls = 0;
        _inner.Setup(s => s.AbandonTaskActivityWorkItemAsync(_workItem))
            .Returns(() => ++calls <= 2 ? Task.FromException(new HttpRequestException("storage does not answer")) : Task.CompletedTask);

        var abandon = Sut().AbandonTaskActivityWorkItemAsync(_workItem);
        for (var i = 0; i < 2 && !abandon.IsCompleted; i++)
        {
            await WaitForCallsAsync(() => calls, i + 1);
            _clock.Advance(ActivityAbandonRetry.RetryInterval);
        }

        await abandon.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task AbandonTaskActivityWorkItemAsync_StorageGoneLongerThanTheLimit_FailsAsTheProviderDid()
    {
        var calls = 0;
        _inner.Setup(s => s.AbandonTaskActivityWorkItemAsync(_workItem))
            .Returns(() =>
            {
                calls++;
                return Task.FromException(new HttpRequestException("storage does not answer"));
            });

        var abandon = Sut().AbandonTaskActivityWorkItemAsync(_workItem);
        await WaitForCallsAsync(() => calls, 1);
        _clock.Advance(ActivityAbandonRetry.GiveUpAfter);
        await WaitForCallsAsync(() => calls, 2);

        await Assert.ThrowsAsync<HttpRequestException>(() => abandon.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private ActivityAbandonRetry Sut() => new(_inner.Object, _clock, NullLogger.Instance);

    private static async Task WaitForCallsAsync(Func<int> calls, int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (calls() < count)
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
