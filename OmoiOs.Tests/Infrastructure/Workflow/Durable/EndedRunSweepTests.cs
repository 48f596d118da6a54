using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow;
using OmoiOs.Infrastructure.Workflow.Durable;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

/// <summary>The local worker's sweep, as <c>omoi serve</c> hosts it, on the real task hub.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EndedRunSweepTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServicesHarness _services;

    public EndedRunSweepTests() =>
        _services = new ServicesHarness(configure: s =>
        {
            s.AddSingleton<ITaskRunner>(new ScriptedTaskRunner());
            s.AddSingleton<TimeProvider>(_clock);
        });

    [Fact]
    public async Task StartAsync_RunTerminatedOutsideOmoiOsLongerThanTheGraceAgo_FailsTheSpecSayingSo()
    {
        var engine = await _services.StartWorkerAsync();
        var spec = await _services.Get<SpecService>().CreateAsync(
            new CreateSpecRequest
            {
                Title = "Configurable greeting",
                Description = "The greeting word is configurable through a --greeting option.",
                Repository = await SampleRepository.CreateAsync(),
                Options = new SpecOptionsRequest { RequireApproval = [ApprovalGate.Requirements] },
            },
            CancellationToken.None);
        await _services.Get<SpecService>().ExecuteAsync(spec.Id, engine, CancellationToken.None);
        await WaitForAsync(spec.Id, s => s.Status == SpecStatus.AwaitingApproval);
        await engine.TerminateAsync(spec.InstanceId, "stopped from the monitor", CancellationToken.None);
        await engine.WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);
        _clock.SetUtcNow(DateTimeOffset.UtcNow + EndedRunReconciler.TerminationGrace + TimeSpan.FromSeconds(1));

        var sweep = _services.Get<IEnumerable<IHostedService>>().OfType<EndedRunSweep>().Single();
        await sweep.StartAsync(CancellationToken.None);
        try
        {
            var failed = await WaitForAsync(spec.Id, s => s.Status == SpecStatus.Failed);
            Assert.Equal("The run was terminated outside OmoiOs: stopped from the monitor", failed.FailureReason);
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }
    }

    private async Task<Spec> WaitForAsync(string specId, Func<Spec, bool> reached)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var spec = await _services.Get<ISpecRepository>().GetAsync(specId, CancellationToken.None);
            if (reached(spec))
            {
                return spec;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    public void Dispose() => _services.Dispose();
}
