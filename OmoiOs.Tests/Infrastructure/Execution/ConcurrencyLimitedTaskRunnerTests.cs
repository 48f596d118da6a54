using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Execution;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Execution;

public sealed class ConcurrencyLimitedTaskRunnerTests
{
    [Fact]
    public async Task RunAsync_MoreAttemptsThanSlots_RunsAtMostTheLimitAtOnce()
    {
        var inner = new CountingRunner();
        using var sut = new ConcurrencyLimitedTaskRunner(inner, maxConcurrentTasks: 2);

        var runs = Enumerable.Range(1, 6).Select(n => sut.RunAsync(Request(n), CancellationToken.None)).ToList();
        await inner.WaitForRunningAsync(2);
        var runningWhileHeld = inner.Running;
        inner.Release.SetResult();
        await Task.WhenAll(runs);

        Assert.Equal(2, runningWhileHeld);
        Assert.Equal(2, inner.MostAtOnce);
        Assert.Equal(6, inner.Started);
    }

    private static TaskRunRequest Request(int n)
    {
        var specId = TestRecords.NewSpecId();
        return new TaskRunRequest { Spec = TestRecords.Spec(specId), Task = TestRecords.WorkTask(specId, n), SpecTask = TestRecords.SpecTask(specId, n) };
    }

    private sealed class CountingRunner : ITaskRunner
    {
        private int _running;
        private int _mostAtOnce;
        private int _started;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Running => Volatile.Read(ref _running);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public int Started => Volatile.Read(ref _started);

        public async Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, now);
            await Release.Task;
            Interlocked.Decrement(ref _running);
            return new TaskRunOutcome(TaskRunVerdict.Completed, new WorkTaskResult(), null, null, "");
        }

        public async Task WaitForRunningAsync(int count)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Running < count)
            {
                await Task.Delay(10, deadline.Token);
            }

            // Give any attempt that would wrongly pass the limit the chance to start.
            await Task.Delay(100, deadline.Token);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
