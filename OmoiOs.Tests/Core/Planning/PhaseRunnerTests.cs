using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Core.Planning;

/// <summary>PhaseRunner on Azurite with the heuristic planner: the grounding checks see EXPLORE's file list and the spec text.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PhaseRunnerTests : IDisposable
{
    private readonly ServicesHarness _services = new();

    [Fact]
    public async Task RunAsync_TasksAfterExplore_GroundingChecksRunAndPassOnTheSpecNamedFile()
    {
        var spec = await _services.Get<SpecService>().CreateAsync(
            new CreateSpecRequest
            {
                Title = "Configurable greeting",
                Description = "The greeting word is configurable through a --greeting option in `sample_app/cli.py`.\nWhen the option is empty, the CLI prints an error and exits with code 2.",
                Repository = await SampleRepository.CreateAsync(),
            },
            CancellationToken.None);
        var runner = _services.Get<PhaseRunner>();

        PhaseRun? tasks = null;
        foreach (var phase in (SpecPhase[])[SpecPhase.Explore, SpecPhase.Requirements, SpecPhase.Design, SpecPhase.Tasks])
        {
            tasks = await runner.RunAsync(spec, phase, 1, null, CancellationToken.None);
            Assert.True(tasks.Evaluation.Passed, $"{phase}: {tasks.Evaluation.Feedback}");
        }

        var checks = tasks!.Evaluation.Checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Assert.All(["files_to_modify_exist", "new_files_in_layout", "spec_named_files_changed", "titles_whole"], name => Assert.True(checks[name].Passed, checks[name].Detail));
        Assert.Equal("every file the spec names (1) is changed by a task", checks["spec_named_files_changed"].Detail);
    }

    public void Dispose() => _services.Dispose();
}
