using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class HeuristicRequirementsWriterTests
{
    public static TheoryData<string, string> AllSpecs => new()
    {
        { Specs.GreetingTitle, Specs.Greeting },
        { Specs.ExportTitle, Specs.Export },
        { Specs.AuditTitle, Specs.Audit },
        { Specs.OneLinerTitle, Specs.OneLiner },
    };

    [Fact]
    public void Write_GreetingSpec_OneRequirementPerStatement()
    {
        var output = HeuristicRequirementsWriter.Write(Specs.GreetingTitle, Specs.Greeting, PlannerFeedback.None);

        Assert.Equal(
            ["REQ-GREETING-FUNC-001", "REQ-GREETING-FUNC-002", "REQ-GREETING-FUNC-003", "REQ-GREETING-FUNC-004", "REQ-GREETING-FUNC-005", "REQ-GREETING-FUNC-006", "REQ-GREETING-USE-001"],
            output.Requirements.Select(r => r.Id));
        var unwanted = output.Requirements[3];
        Assert.Equal("If the greeting word is empty or longer than 20 characters, then the command line shall print an error naming the limit and exit with code 2.", unwanted.Text);
        Assert.Equal("If the greeting word is empty or longer than 20 characters", unwanted.Condition);
        Assert.Equal("print an error naming the limit and exit with code 2", unwanted.Action);
        Assert.Equal(["translating greetings into other languages"], output.OutOfScope);
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void Write_AnySpec_EveryRequirementIsCleanEarsWithTwoCriteria(string title, string description)
    {
        var output = HeuristicRequirementsWriter.Write(title, description, PlannerFeedback.None);

        Assert.NotEmpty(output.Requirements);
        Assert.All(output.Requirements, r =>
        {
            Assert.Matches(@"^REQ-[A-Z0-9]{1,12}-(FUNC|PERF|SEC|USE|REL|CON)-\d{3}$", r.Id);
            Assert.Empty(EarsParser.Parse(r.Text).Findings);
            Assert.True(r.AcceptanceCriteria.Count >= 2);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
        });
        Assert.Equal(output.Requirements.Count, output.Requirements.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Write_ExportSpec_CategoriesAndQuestions()
    {
        var output = HeuristicRequirementsWriter.Write(Specs.ExportTitle, Specs.Export, PlannerFeedback.None);

        Assert.Contains(output.Requirements, r => r.Type == RequirementCategory.Performance);
        Assert.Contains(output.Requirements, r => r.Type == RequirementCategory.Security && r.Priority == Priority.High);
        Assert.Contains(output.Requirements, r => r.Type == RequirementCategory.Reliability && r.Condition.StartsWith("If ", StringComparison.Ordinal));
        Assert.Contains("Should we zip large exports?", output.OpenQuestions);
        Assert.Contains(output.Assumptions, a => a.Contains("within 1 second", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OneMegabyteOfText_CappedAndSaysSo()
    {
        var description = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"The system stores greeting number {i} in the archive. "));
        Assert.True(description.Length > 1_000_000);

        var output = HeuristicRequirementsWriter.Write("Archive", description, PlannerFeedback.None);

        Assert.Equal(SpecStatementSplitter.MaxStatements, output.Requirements.Count);
        Assert.Contains(output.Assumptions, a => a.StartsWith("Only the first 50 statements", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SameInput_ByteIdenticalJson()
    {
        var first = JsonSerializer.Serialize(HeuristicRequirementsWriter.Write(Specs.ExportTitle, Specs.Export, PlannerFeedback.None), PlanningJsonContext.Default.RequirementsOutput);
        var second = JsonSerializer.Serialize(HeuristicRequirementsWriter.Write(Specs.ExportTitle, Specs.Export, PlannerFeedback.None), PlanningJsonContext.Default.RequirementsOutput);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_FeedbackAsksForCriteria_AddsOneToTheNamedRequirement()
    {
        var feedback = PlannerFeedback.Parse("- [hard] acceptance_criteria: REQ-SHOUT-FUNC-001 has 1 acceptance criteria");

        var before = HeuristicRequirementsWriter.Write(Specs.OneLinerTitle, Specs.OneLiner, PlannerFeedback.None);
        var after = HeuristicRequirementsWriter.Write(Specs.OneLinerTitle, Specs.OneLiner, feedback);

        Assert.Equal(before.Requirements[0].AcceptanceCriteria.Count + 1, after.Requirements[0].AcceptanceCriteria.Count);
    }

    [Fact]
    public void Write_ConditionalRefinesEarlierRequirement_DependsOnIt()
    {
        var output = HeuristicRequirementsWriter.Write(Specs.GreetingTitle, Specs.Greeting, PlannerFeedback.None);

        Assert.Equal(["REQ-GREETING-FUNC-002"], output.Requirements.Single(r => r.Id == "REQ-GREETING-FUNC-004").Dependencies);
    }
}
