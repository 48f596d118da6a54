using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Execution;

public sealed class ExecutionInputsCacheTests
{
    private readonly ExecutionInputsCache _cache = new();
    private int _loads;

    [Fact]
    public async Task GetAsync_ManyAttemptsOfOneExecutionAtOnce_LoadOnce()
    {
        var gate = new TaskCompletionSource();

        var attempts = Enumerable.Range(0, 20).Select(_ => _cache.GetAsync("spec-1", "run-1", _ => LoadAfterAsync(gate.Task, "first"), CancellationToken.None)).ToList();
        gate.SetResult();
        var inputs = await Task.WhenAll(attempts);

        Assert.Equal(1, _loads);
        Assert.All(inputs, i => Assert.Same(inputs[0], i));
    }

    [Fact]
    public async Task GetAsync_AnotherExecutionOfTheSameSpec_LoadsAfresh()
    {
        var first = await _cache.GetAsync("spec-1", "run-1", _ => LoadAsync("first"), CancellationToken.None);

        var second = await _cache.GetAsync("spec-1", "run-2", _ => LoadAsync("second"), CancellationToken.None);

        Assert.Equal("first", first.DesignSummary);
        Assert.Equal("second", second.DesignSummary);
    }

    [Fact]
    public async Task GetAsync_NoExecutionId_LoadsEveryTime()
    {
        await _cache.GetAsync("spec-1", null, _ => LoadAsync("a"), CancellationToken.None);
        await _cache.GetAsync("spec-1", null, _ => LoadAsync("b"), CancellationToken.None);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task GetAsync_LoadFailed_TheNextAttemptLoadsAgain()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _cache.GetAsync("spec-1", "run-1", _ => throw new InvalidOperationException("storage down"), CancellationToken.None));

        var inputs = await _cache.GetAsync("spec-1", "run-1", _ => LoadAsync("recovered"), CancellationToken.None);

        Assert.Equal("recovered", inputs.DesignSummary);
    }

    [Fact]
    public async Task GetAsync_MoreExecutionsThanItKeeps_ForgetsTheOldest()
    {
        for (var run = 0; run <= ExecutionInputsCache.Capacity; run++)
        {
            await _cache.GetAsync("spec-1", $"run-{run}", _ => LoadAsync($"run {run}"), CancellationToken.None);
        }

        var newest = await _cache.GetAsync("spec-1", $"run-{ExecutionInputsCache.Capacity}", _ => LoadAsync("again"), CancellationToken.None);
        var oldest = await _cache.GetAsync("spec-1", "run-0", _ => LoadAsync("again"), CancellationToken.None);

        Assert.Equal($"run {ExecutionInputsCache.Capacity}", newest.DesignSummary);
        Assert.Equal("again", oldest.DesignSummary);
    }

    [Fact]
    public async Task GetAsync_CallerCancelsWhileAnotherWaits_TheLoadCarriesOn()
    {
        var gate = new TaskCompletionSource();
        using var impatient = new CancellationTokenSource();
        var first = _cache.GetAsync("spec-1", "run-1", _ => LoadAfterAsync(gate.Task, "loaded"), impatient.Token);
        var second = _cache.GetAsync("spec-1", "run-1", _ => LoadAsync("other"), CancellationToken.None);

        await impatient.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("loaded", (await second).DesignSummary);
    }

    private async Task<ExecutionInputs> LoadAfterAsync(Task gate, string design)
    {
        Interlocked.Increment(ref _loads);
        await gate;
        return Inputs(design);
    }

    private Task<ExecutionInputs> LoadAsync(string design)
    {
        Interlocked.Increment(ref _loads);
        return Task.FromResult(Inputs(design));
    }

    private static ExecutionInputs Inputs(string design) => new(
        TestRecords.Spec(),
        new Dictionary<string, SpecTask>(),
        new Dictionary<string, SpecRequirement>(),
        Array.Empty<SpecAcceptanceCriterion>().ToLookup(c => c.RequirementId),
        design,
        null);
}
