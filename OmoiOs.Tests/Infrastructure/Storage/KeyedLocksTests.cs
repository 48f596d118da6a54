using OmoiOs.Infrastructure.Storage;

namespace OmoiOs.Tests.Infrastructure.Storage;

public sealed class KeyedLocksTests
{
    [Fact]
    public async Task RunAsync_SameKey_RunsOneAtATime()
    {
        var locks = new KeyedLocks();
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => locks.RunAsync("record", async () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            await Task.Yield();
            Interlocked.Decrement(ref inside);
            return 0;
        }, CancellationToken.None)));

        Assert.Equal(1, most);
    }

    [Fact]
    public async Task RunAsync_OtherKeyHeld_DoesNotWait()
    {
        var locks = new KeyedLocks();
        var release = new TaskCompletionSource<int>();
        var holder = locks.RunAsync("a", () => release.Task, CancellationToken.None);

        var other = await locks.RunAsync("b", () => Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, other);
        Assert.Equal(1, locks.Count);
        release.SetResult(0);
        await holder;
    }

    [Fact]
    public async Task RunAsync_ManyKeys_KeepsNoLockOnceDone()
    {
        var locks = new KeyedLocks();

        await Task.WhenAll(Enumerable.Range(0, 10_000).Select(n => locks.RunAsync($"record-{n % 2_500}", async () =>
        {
            await Task.Yield();
            return n;
        }, CancellationToken.None)));

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task RunAsync_WaiterCancelledOrWorkThrows_ReleasesTheKey()
    {
        var locks = new KeyedLocks();
        var release = new TaskCompletionSource<int>();
        var holder = locks.RunAsync("record", () => release.Task, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = locks.RunAsync("record", () => Task.FromResult(1), cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        release.SetException(new InvalidOperationException("work failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => holder);

        Assert.Equal(0, locks.Count);
        Assert.Equal(2, await locks.RunAsync("record", () => Task.FromResult(2), CancellationToken.None));
    }
}
