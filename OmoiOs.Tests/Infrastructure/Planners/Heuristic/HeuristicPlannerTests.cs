using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class HeuristicPlannerTests : IAsyncLifetime
{
    private string _repository = "";

    public async Task InitializeAsync() => _repository = await SampleRepository.CreateAsync();

    public Task DisposeAsync()
    {
        SampleRepository.Delete(_repository);
        return Task.CompletedTask;
    }

    private static HeuristicPlanner CreateSut()
    {
        var limits = new RepositoryScanLimits();
        return new HeuristicPlanner(new RepositoryScanner(new FakeTimeProvider(), limits, new GitStateReader(limits)));
    }

    private PhaseRequest Request(SpecPhase phase, string title = Specs.GreetingTitle, string? description = null) => new()
    {
        Phase = phase,
        SpecId = "spec-1",
        Title = title,
        Description = description ?? Specs.Greeting,
        RepositoryPath = _repository,
    };

    [Fact]
    public async Task GenerateAsync_ExploreOnSampleRepository_LanguagesTestCommandKeyFilesAndGit()
    {
        var reply = await CreateSut().GenerateAsync(Request(SpecPhase.Explore), CancellationToken.None);

        var explore = JsonSerializer.Deserialize(reply.Json, PlanningJsonContext.Default.ExploreOutput)!;
        Assert.Equal(["Python", "JavaScript", "Markdown", "Shell"], explore.Languages.Take(4).Select(l => l.Name));
        Assert.Equal("make test", explore.TestCommand);
        Assert.Equal(["make", "npm", "python"], explore.BuildSystems);
        Assert.Contains(explore.KeyFiles, k => k.Path == "Makefile");
        Assert.Contains(explore.KeyFiles, k => k.Path == "sample_app/__main__.py");
        Assert.Equal((true, "main", false), (explore.Git.IsRepository, explore.Git.Branch, explore.Git.Dirty));
        Assert.Matches("^[0-9a-f]{40}$", explore.Git.Head);
        Assert.Contains("tests/: 3 Python test files named like tests/test_cli.py for sample_app/cli.py", explore.TestLayout);
        Assert.Equal(Specs.GreetingTitle, explore.FeatureSummary.Name);
        Assert.Equal(["translating greetings into other languages"], explore.FeatureSummary.ScopeOut);
        Assert.Equal("heuristic", reply.Usage.Model);
        Assert.Equal(0m, reply.Usage.CostUsd);
    }

    [Fact]
    public async Task GenerateAsync_EveryPhaseChained_EachOutputParses()
    {
        var sut = CreateSut();
        var explore = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Explore), CancellationToken.None)).Json, PlanningJsonContext.Default.ExploreOutput)!;
        var requirements = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Requirements) with { Explore = explore }, CancellationToken.None)).Json, PlanningJsonContext.Default.RequirementsOutput)!;
        var design = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Design) with { Explore = explore, Requirements = requirements }, CancellationToken.None)).Json, PlanningJsonContext.Default.DesignOutput)!;
        var tasks = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Tasks) with { Explore = explore, Requirements = requirements, Design = design }, CancellationToken.None)).Json, PlanningJsonContext.Default.TasksOutput)!;

        Assert.Equal(7, requirements.Requirements.Count);
        Assert.Equal(4, design.Components.Count);
        Assert.Equal(7, tasks.Tasks.Count);
        Assert.Contains(tasks.Tasks, t => t.FilesToModify.Contains("sample_app/cli.py"));
    }

    [Theory]
    [InlineData(SpecPhase.Explore)]
    [InlineData(SpecPhase.Requirements)]
    [InlineData(SpecPhase.Design)]
    [InlineData(SpecPhase.Tasks)]
    public async Task GenerateAsync_SameInputTwice_ByteIdenticalJson(SpecPhase phase)
    {
        var first = await CreateSut().GenerateAsync(Request(phase), CancellationToken.None);
        var second = await CreateSut().GenerateAsync(Request(phase), CancellationToken.None);

        Assert.Equal(first.Json, second.Json);
    }

    [Fact]
    public async Task GenerateAsync_TasksWithoutEarlierOutputs_DerivesThemAgain()
    {
        var sut = CreateSut();
        var requirements = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Requirements), CancellationToken.None)).Json, PlanningJsonContext.Default.RequirementsOutput)!;
        var design = JsonSerializer.Deserialize((await sut.GenerateAsync(Request(SpecPhase.Design) with { Requirements = requirements }, CancellationToken.None)).Json, PlanningJsonContext.Default.DesignOutput)!;

        var chained = await sut.GenerateAsync(Request(SpecPhase.Tasks) with { Requirements = requirements, Design = design }, CancellationToken.None);
        var alone = await sut.GenerateAsync(Request(SpecPhase.Tasks), CancellationToken.None);

        Assert.Equal(chained.Json, alone.Json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task GenerateAsync_EmptyDescription_ValidationFailedNamingDescription(string description)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GenerateAsync(Request(SpecPhase.Requirements, description: description), CancellationToken.None));

        Assert.Equal(["description"], error.Errors.Keys);
    }

    [Fact]
    public async Task GenerateAsync_MissingRepository_ValidationFailedNamingRepository()
    {
        var request = Request(SpecPhase.Explore) with { RepositoryPath = Path.Combine(_repository, "missing") };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GenerateAsync(request, CancellationToken.None));

        Assert.Equal(["repository"], error.Errors.Keys);
    }

    [Fact]
    public async Task GenerateAsync_SyncPhase_ValidationFailedNamingPhase()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateSut().GenerateAsync(Request(SpecPhase.Sync), CancellationToken.None));

        Assert.Equal(["phase"], error.Errors.Keys);
    }

    public static TheoryData<string, string> AllSpecs => HeuristicRequirementsWriterTests.AllSpecs;

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public async Task GenerateAsync_EveryPhaseOfAnySpec_PassesItsEvaluatorWithNoFailedCheck(string title, string description)
    {
        var sut = CreateSut();
        var evaluator = new PhaseEvaluator();

        var explore = evaluator.EvaluateExplore((await sut.GenerateAsync(Request(SpecPhase.Explore, title, description), CancellationToken.None)).Json);
        AssertClean(explore.Evaluation);
        var requirements = evaluator.EvaluateRequirements((await sut.GenerateAsync(Request(SpecPhase.Requirements, title, description) with { Explore = explore.Output }, CancellationToken.None)).Json);
        AssertClean(requirements.Evaluation);
        var designRequest = Request(SpecPhase.Design, title, description) with { Explore = explore.Output, Requirements = requirements.Output };
        var design = evaluator.EvaluateDesign((await sut.GenerateAsync(designRequest, CancellationToken.None)).Json, requirements.Output);
        AssertClean(design.Evaluation);
        var tasks = evaluator.EvaluateTasks((await sut.GenerateAsync(designRequest with { Phase = SpecPhase.Tasks, Design = design.Output }, CancellationToken.None)).Json, requirements.Output);
        AssertClean(tasks.Evaluation);
    }

    [Fact]
    public async Task GenerateAsync_OneMegabyteSpec_EveryPhasePasses()
    {
        var description = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"When request {i} arrives, the greeting service should answer it quickly. "));
        var sut = CreateSut();
        var evaluator = new PhaseEvaluator();

        var requirements = evaluator.EvaluateRequirements((await sut.GenerateAsync(Request(SpecPhase.Requirements, "Bulk", description), CancellationToken.None)).Json);
        var tasks = evaluator.EvaluateTasks((await sut.GenerateAsync(Request(SpecPhase.Tasks, "Bulk", description), CancellationToken.None)).Json, requirements.Output);

        AssertClean(requirements.Evaluation);
        AssertClean(tasks.Evaluation);
        Assert.Equal(50, requirements.Output!.Requirements.Count);
    }

    private static void AssertClean(PhaseEvaluation evaluation)
    {
        Assert.True(evaluation.Passed, evaluation.Feedback);
        Assert.True(evaluation.Checks.All(c => c.Passed), $"{evaluation.Phase}: {evaluation.Feedback}");
    }

    [Fact]
    public void Name_Heuristic()
    {
        Assert.Equal("heuristic", CreateSut().Name);
    }
}
