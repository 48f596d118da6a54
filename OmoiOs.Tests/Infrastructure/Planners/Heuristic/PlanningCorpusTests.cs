using Microsoft.Extensions.Time.Testing;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Heuristic;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

/// <summary>The heuristic planner on real repositories' layouts: every hard grounding rule holds on every plan of the corpus.</summary>
public sealed class PlanningCorpusTests
{
    public static TheoryData<string> Names => new(PlanningCorpus.Names);

    [Fact]
    public void Corpus_EightOrMoreRepositories_InFiveOrMoreLanguages()
    {
        var languages = PlanningCorpus.Names.Select(n => File.ReadAllLines(Path.Combine(PlanningCorpus.Root, n, "SOURCE.md"))
            .Single(l => l.StartsWith("- Language: ", StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).Count();

        Assert.True(PlanningCorpus.Names.Count() >= 8, "the corpus has fewer than 8 repositories");
        Assert.True(languages >= 5, $"the corpus covers {languages} languages");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HeuristicPlan_CorpusRepository_EveryPhasePassesAndEveryGroundingRuleHolds(string name)
    {
        var entry = PlanningCorpus.Load(name);
        var planner = CreateSut();
        var evaluator = new PhaseEvaluator();
        var request = new PhaseRequest { Phase = SpecPhase.Explore, SpecId = "corpus", Title = entry.Title, Description = entry.Description, RepositoryPath = entry.RepositoryPath };
        var prior = new PriorOutputs { SpecText = $"{entry.Title}\n{entry.Description}" };

        var explore = await RunAsync<ExploreOutput>(planner, evaluator, request, prior);
        prior = prior with { Explore = explore };
        var requirements = await RunAsync<RequirementsOutput>(planner, evaluator, request with { Phase = SpecPhase.Requirements, Explore = explore }, prior);
        prior = prior with { Requirements = requirements };
        var design = await RunAsync<DesignOutput>(planner, evaluator, request with { Phase = SpecPhase.Design, Explore = explore, Requirements = requirements }, prior);
        prior = prior with { Design = design };
        var tasks = await RunAsync<TasksOutput>(planner, evaluator, request with { Phase = SpecPhase.Tasks, Explore = explore, Requirements = requirements, Design = design }, prior);

        var accuracy = PlanAccuracy.Measure(explore, prior.SpecText, requirements, design, tasks);
        Assert.Empty(accuracy.Problems);
        Assert.True(accuracy.SpecNamedFiles > 0, $"{name}'s spec names no existing file, so the spec-named rule is not exercised");
        Assert.True(accuracy.ModifiedFiles > 0, $"{name}'s plan modifies no existing file");
    }

    private static async Task<T> RunAsync<T>(HeuristicPlanner planner, PhaseEvaluator evaluator, PhaseRequest request, PriorOutputs prior)
        where T : class
    {
        var reply = await planner.GenerateAsync(request, CancellationToken.None);
        var outcome = evaluator.Evaluate(request.Phase, reply.Json, prior);
        Assert.True(outcome.Evaluation.Passed, $"{request.Phase} failed its evaluation:\n{outcome.Evaluation.Feedback}");
        return (T)outcome.Output!;
    }

    private static HeuristicPlanner CreateSut()
    {
        var limits = new RepositoryScanLimits();
        return new HeuristicPlanner(new RepositoryScanner(new FakeTimeProvider(), limits, new GitStateReader(limits)));
    }
}
