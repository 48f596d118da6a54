using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Support;

/// <summary>
/// One spec planned for real, once per test class: the bundled example spec on the sample app as a git repository, the heuristic planner
/// through the four phases, SYNC (so the spec is <c>planning_complete</c>), and its tasks bridged into a ticket and work tasks.
/// </summary>
public sealed class PlannedSpecFixture : IAsyncLifetime
{
    private string? _repository;

    internal FunctionsServices Services { get; } = new();

    public Spec Spec { get; private set; } = null!;

    public string TicketId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _repository = await SampleRepository.CreateAsync();
        Spec = await Services.Specs.CreateAsync(
            new CreateSpecRequest
            {
                Title = "Configurable greeting",
                Description = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md")),
                Repository = _repository,
            },
            CancellationToken.None);
        await Services.Get<StartPlanningActivity>().RunAsync(new StartPlanningInput(Spec.Id, ExecuteOnly: false), CancellationToken.None);
        foreach (var phase in new[] { SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks })
        {
            await PassAsync(phase);
        }

        var sync = await Services.Get<SyncActivity>().RunAsync(new SyncInput(Spec.Id), CancellationToken.None);
        if (!sync.ReadyForExecution)
        {
            throw new InvalidOperationException($"SYNC of the sample spec was not ready: {string.Join("; ", sync.Blockers)}");
        }

        TicketId = (await Services.Get<ExecutionBridge>().BridgeAsync(Spec.Id, null, CancellationToken.None)).TicketId;
        Spec = await Services.Specs.GetAsync(Spec.Id, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Services.Dispose();
        if (_repository is not null)
        {
            SampleRepository.Delete(_repository);
        }

        return Task.CompletedTask;
    }

    private async Task PassAsync(SpecPhase phase)
    {
        string? feedback = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var result = await Services.Get<RunPhaseActivity>().RunAsync(new RunPhaseInput(Spec.Id, phase, attempt, feedback, "fixture"), CancellationToken.None);
            if (result.Passed)
            {
                return;
            }

            feedback = result.Feedback;
        }

        throw new InvalidOperationException($"The heuristic planner's {phase} did not pass on the sample spec: {feedback}");
    }
}
