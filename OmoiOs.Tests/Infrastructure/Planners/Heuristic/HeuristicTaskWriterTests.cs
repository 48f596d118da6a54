using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class HeuristicTaskWriterTests
{
    public static TheoryData<string, string> AllSpecs => HeuristicRequirementsWriterTests.AllSpecs;

    private static (TasksOutput Tasks, RequirementsOutput Requirements, DesignOutput Design) Plan(string title, string description)
    {
        var profile = Snapshots.SampleAppProfile();
        var requirements = HeuristicRequirementsWriter.Write(title, description, PlannerFeedback.None);
        var design = HeuristicDesignWriter.Write(title, requirements, profile, []);
        return (HeuristicTaskWriter.Write(title, requirements, design, profile, PlannerFeedback.None, []), requirements, design);
    }

    [Fact]
    public void Write_GreetingSpec_ImplementationTestAndDocumentationTasks()
    {
        var (output, _, _) = Plan(Specs.GreetingTitle, Specs.Greeting);

        Assert.Equal(
            [
                ("TSK-001", SpecTaskType.Implementation, "sample_app/greeting.py"), ("TSK-002", SpecTaskType.Test, "tests/test_greeting.py"),
                ("TSK-003", SpecTaskType.Implementation, "sample_app/cli.py"), ("TSK-004", SpecTaskType.Test, "tests/test_cli.py"),
                ("TSK-005", SpecTaskType.Implementation, "scripts/greet.sh"), ("TSK-006", SpecTaskType.Test, "tests/test_greet.py"),
                ("TSK-007", SpecTaskType.Documentation, "README.md"),
            ],
            output.Tasks.Select(t => (t.Id, t.Type, t.FilesToCreate.Concat(t.FilesToModify).Single())));
        Assert.Equal(["tests/test_greet.py"], output.Tasks[5].FilesToCreate);
        Assert.Equal(["TSK-001"], output.Tasks[2].DependsOn);
        Assert.Equal(["TSK-001", "TSK-003", "TSK-004"], output.CriticalPath);
    }

    [Fact]
    public void Write_SpecNamingOneTestFile_EveryTestGoesThereAfterEveryImplementation()
    {
        // hukkin/tomli, 2026-12-05: "Tests go in `tests/test_misc.py`" got a test task there and another in a new
        // tests/test_parser.py beside the source file.
        var profile = Snapshots.SampleAppProfile();
        var description = Specs.Greeting + "\n- Tests go in `tests/test_cli.py`.\n";
        var requirements = HeuristicRequirementsWriter.Write(Specs.GreetingTitle, description, PlannerFeedback.None);
        var design = HeuristicDesignWriter.Write(Specs.GreetingTitle, requirements, profile, ["tests/test_cli.py"]);

        var tasks = HeuristicTaskWriter.Write(Specs.GreetingTitle, requirements, design, profile, PlannerFeedback.None, ["tests/test_cli.py"]).Tasks;

        var test = Assert.Single(tasks, t => t.Type == SpecTaskType.Test);
        Assert.Equal(["tests/test_cli.py"], test.FilesToCreate.Concat(test.FilesToModify));
        var implementations = tasks.Where(t => t.Type == SpecTaskType.Implementation).ToList();
        Assert.Subset(test.RequirementsAddressed.ToHashSet(), implementations.SelectMany(t => t.RequirementsAddressed).ToHashSet());
        Assert.All(implementations, t => Assert.Contains(t.Id, test.DependsOn));
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Write_AnySpec_GraphIsAValidSchedule(string title, string description)
    {
        var (output, requirements, _) = Plan(title, description);
        var tasks = output.Tasks;
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);

        Assert.All(tasks, t =>
        {
            Assert.Matches(@"^TSK-\d{3}$", t.Id);
            Assert.InRange(t.EstimatedHours, 1, 4);
            Assert.NotEmpty(t.RequirementsAddressed);
            Assert.True(t.AcceptanceCriteria.Count >= 2);
            Assert.All(t.DependsOn, d => Assert.True(index[d] < index[t.Id], $"{t.Id} depends on later {d}"));
        });
        Assert.Equal(
            requirements.Requirements.Select(r => r.Id).Order(),
            tasks.SelectMany(t => t.RequirementsAddressed).Distinct().Order());
        Assert.NotEmpty(output.CriticalPath);
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Write_AnySpec_TasksTouchingTheSameFileAreOrdered(string title, string description)
    {
        var tasks = Plan(title, description).Tasks.Tasks;
        var ancestors = new Dictionary<string, HashSet<string>>();
        foreach (var task in tasks)
        {
            ancestors[task.Id] = task.DependsOn.SelectMany(d => ancestors[d].Append(d)).ToHashSet();
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            for (var j = i + 1; j < tasks.Count; j++)
            {
                var shared = tasks[i].FilesToCreate.Concat(tasks[i].FilesToModify).Intersect(tasks[j].FilesToCreate.Concat(tasks[j].FilesToModify));
                if (shared.Any())
                {
                    Assert.Contains(tasks[i].Id, ancestors[tasks[j].Id]);
                }
            }
        }
    }

    [Fact]
    public void Write_ManyRequirementsOnOneFile_ChunkedAndChained()
    {
        var description = string.Join("\n", Enumerable.Range(1, 7).Select(i => $"- The command line accepts option number {i}."));

        var tasks = Plan("Options", description).Tasks.Tasks.Where(t => t.FilesToModify.Contains("sample_app/cli.py")).ToList();

        Assert.Equal([3, 3, 1], tasks.Select(t => t.RequirementsAddressed.Count));
        Assert.Contains(tasks[0].Id, tasks[1].DependsOn);
        Assert.Contains(tasks[1].Id, tasks[2].DependsOn);
    }

    [Fact]
    public void Write_SeveralRequirementsInOneTask_TitleSaysWhatEachAsksNotItsId()
    {
        var description = string.Join("\n", Enumerable.Range(1, 3).Select(i => $"- The command line accepts option number {i}."));
        var (output, requirements, _) = Plan("Options", description);

        var task = Assert.Single(output.Tasks, t => t.FilesToModify.Contains("sample_app/cli.py") && t.Type == SpecTaskType.Implementation);

        Assert.Equal(3, task.RequirementsAddressed.Count);
        Assert.StartsWith("Implement in sample_app/cli.py: ", task.Title, StringComparison.Ordinal);
        Assert.All(requirements.Requirements.Where(r => task.RequirementsAddressed.Contains(r.Id)), r => Assert.Contains(r.Title[1..], task.Title, StringComparison.Ordinal));
        Assert.DoesNotContain("REQ-", task.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DesignMissesARequirement_StillCoveredByAnImplementationTask()
    {
        var profile = Snapshots.SampleAppProfile();
        var requirements = HeuristicRequirementsWriter.Write(Specs.GreetingTitle, Specs.Greeting, PlannerFeedback.None);
        var design = HeuristicDesignWriter.Write(Specs.GreetingTitle, requirements, profile, []);
        var partial = design with { Components = design.Components.Skip(1).ToList() };

        var output = HeuristicTaskWriter.Write(Specs.GreetingTitle, requirements, partial, profile, PlannerFeedback.None, []);

        var task = Assert.Single(output.Tasks, t => t.RequirementsAddressed.Contains("REQ-GREETING-FUNC-001") && t.Type == SpecTaskType.Implementation);
        Assert.Equal(["sample_app/configurable_greeting.py"], task.FilesToCreate);
    }

    [Fact]
    public void Write_FeedbackCallsADocumentedRequirementUncovered_AddsAnImplementationTask()
    {
        var profile = Snapshots.SampleAppProfile();
        var requirements = HeuristicRequirementsWriter.Write(Specs.GreetingTitle, Specs.Greeting, PlannerFeedback.None);
        var design = HeuristicDesignWriter.Write(Specs.GreetingTitle, requirements, profile, []);
        var feedback = PlannerFeedback.Parse("- [hard] requirements_covered: REQ-GREETING-USE-001 is addressed by no task");

        var before = HeuristicTaskWriter.Write(Specs.GreetingTitle, requirements, design, profile, PlannerFeedback.None, []);
        var after = HeuristicTaskWriter.Write(Specs.GreetingTitle, requirements, design, profile, feedback, []);

        Assert.DoesNotContain(before.Tasks, t => t.Type == SpecTaskType.Implementation && t.RequirementsAddressed.Contains("REQ-GREETING-USE-001"));
        Assert.Contains(after.Tasks, t => t.Type == SpecTaskType.Implementation && t.RequirementsAddressed.Contains("REQ-GREETING-USE-001"));
    }
}
