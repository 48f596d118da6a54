using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Tests.Core.Planning;

public sealed class PhaseOutputParserTests
{
    private const string TasksJson = """
        {"tasks": [{"id": "TSK-001", "title": "Add model", "type": "implementation", "priority": "high",
                    "estimatedHours": 2, "dependsOn": [], "requirementsAddressed": ["REQ-AUTH-FUNC-001"]}],
         "criticalPath": ["TSK-001"]}
        """;

    [Fact]
    public void Parse_PlainJson_ReadsTypedRecord()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>(TasksJson);

        Assert.True(result.Succeeded);
        var task = Assert.Single(result.Value.Tasks);
        Assert.Equal("TSK-001", task.Id);
        Assert.Equal(Priority.High, task.Priority);
        Assert.Equal(2, task.EstimatedHours);
        Assert.Equal(["REQ-AUTH-FUNC-001"], task.RequirementsAddressed);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Parse_JsonInFenceWithProse_ExtractsTheObject()
    {
        var reply = $"Sure! Here is the plan you asked for:\n\n```json\n{TasksJson}\n```\n\nLet me know if {{anything}} should change.";

        var result = PhaseOutputParser.Parse<TasksOutput>(reply);

        Assert.True(result.Succeeded);
        Assert.Equal("TSK-001", result.Value.Tasks[0].Id);
    }

    [Fact]
    public void Parse_JsonInProseWithoutFence_TakesOutermostObject()
    {
        var reply = "I considered {a few options}. Final answer: " + TasksJson + " Hope that helps.";

        var result = PhaseOutputParser.Parse<TasksOutput>(reply);

        Assert.True(result.Succeeded);
        Assert.Equal("TSK-001", result.Value.Tasks[0].Id);
    }

    [Fact]
    public void Parse_BracesInsideStrings_DoNotEndTheObject()
    {
        var reply = """Output: {"tasks": [{"id": "TSK-001", "title": "Handle } and { in names"}]} done""";

        var result = PhaseOutputParser.Parse<TasksOutput>(reply);

        Assert.True(result.Succeeded);
        Assert.Equal("Handle } and { in names", result.Value.Tasks[0].Title);
    }

    [Fact]
    public void Parse_SnakeCaseNamesNullsCommentsAndTrailingCommas_AreAccepted()
    {
        const string json = """
            {
              // the planner's notes
              "codebase_summary": "A CLI",
              "key_files": [{"path": "src/main.py", "purpose": "entry"}, null],
              "test_command": null,
              "tech_stack": ["python",],
            }
            """;

        var result = PhaseOutputParser.Parse<ExploreOutput>(json);

        Assert.True(result.Succeeded);
        Assert.Equal("A CLI", result.Value.CodebaseSummary);
        Assert.Equal([new PathPurpose("src/main.py", "entry")], result.Value.KeyFiles);
        Assert.Null(result.Value.TestCommand);
        Assert.Equal(["python"], result.Value.TechStack);
    }

    [Fact]
    public void Parse_NumberWrittenAsString_IsAccepted()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("""{"tasks": [{"id": "TSK-001", "title": "t", "estimatedHours": "3.5"}]}""");

        Assert.True(result.Succeeded);
        Assert.Equal(3.5, result.Value.Tasks[0].EstimatedHours);
    }

    [Theory]
    [InlineData(null, "$: the output is empty")]
    [InlineData("   ", "$: the output is empty")]
    [InlineData("I could not produce a plan.", "$: no JSON object found in the output, which begins \"I could not produce a plan.\"")]
    public void Parse_NoJson_ReportsNotJson(string? text, string expected)
    {
        var result = PhaseOutputParser.Parse<TasksOutput>(text);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(OutputProblemKind.NotJson, problem.Kind);
        Assert.Equal(expected, problem.ToString());
    }

    [Fact]
    public void Parse_TruncatedJson_ReportsNotJsonWithPosition()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("```json\n{\"tasks\": [{\"id\": \"TSK-001\",\n \"title\": \"cut off");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(OutputProblemKind.NotJson, problem.Kind);
        Assert.StartsWith("not valid JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(line 2, position", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenJsonAfterBracedProse_ReportsTheLongestCandidatesError()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("Here is {the} plan: {\"tasks\": [1,,2]}");

        Assert.Equal("$: not valid JSON: ',' is an invalid start of a value (line 1, position 14 of the JSON)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Parse_RootIsArray_ReportsWrongShape()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("""[{"id": "TSK-001"}]""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(OutputProblemKind.WrongShape, problem.Kind);
        Assert.Equal("$: expected a JSON object, found an array", problem.ToString());
    }

    [Fact]
    public void Parse_EnumValueUnknown_ListsTheAllowedValues()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("""{"tasks": [{"id": "TSK-001", "title": "t", "priority": "urgent"}]}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(OutputProblemKind.WrongShape, problem.Kind);
        Assert.Equal("$.tasks[0].priority: \"urgent\" is not one of critical, high, medium, low", problem.ToString());
    }

    [Fact]
    public void Parse_StringWhereArrayExpected_SaysWhatWasExpected()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("""{"tasks": [{"id": "TSK-001", "title": "t", "dependsOn": "TSK-000"}]}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.tasks[0].dependsOn: expected an array, found \"TSK-000\"", problem.ToString());
    }

    [Fact]
    public void Parse_ObjectWhereNumberExpected_SaysWhatWasExpected()
    {
        var result = PhaseOutputParser.Parse<TasksOutput>("""{"tasks": [{"id": "TSK-001", "title": "t", "estimatedHours": {"min": 1}}]}""");

        Assert.Equal("$.tasks[0].estimatedHours: expected a number, found an object", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Parse_RequiredPartsMissing_ReportsEachByPath()
    {
        var result = PhaseOutputParser.Parse<RequirementsOutput>("""
            {"requirements": [{"id": "REQ-A-FUNC-001", "text": "The system shall log."}, {"title": "no id, no text"}]}
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["$.requirements[1].id: is required but missing", "$.requirements[1].text: is required but missing"],
            result.Problems.Select(p => p.ToString()));
        Assert.All(result.Problems, p => Assert.Equal(OutputProblemKind.MissingPart, p.Kind));
    }

    [Fact]
    public void Parse_TopLevelCollectionMissing_ReportsMissingPart()
    {
        var result = PhaseOutputParser.Parse<DesignOutput>("""{"architectureOverview": "layers"}""");

        Assert.Equal("$.components: is required but missing", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Parse_RecordMemberMissing_ReportsWrongShape()
    {
        var result = PhaseOutputParser.Parse<ExploreOutput>("""{"codebaseSummary": "x", "languages": [{"name": "C#"}]}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(OutputProblemKind.WrongShape, problem.Kind);
        Assert.Equal("$.languages[0]", problem.Path);
        Assert.Contains("files", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PhaseEvaluation_RoundTripsThroughTheContext()
    {
        var evaluation = new PhaseEvaluation(SpecPhase.Tasks, 0.5, [new EvaluationCheck("no_dependency_cycles", true, 2, false, "TSK-001 → TSK-001")]);
        var json = System.Text.Json.JsonSerializer.Serialize(evaluation, PlanningJsonContext.Default.PhaseEvaluation);

        var result = PhaseOutputParser.Parse<PhaseEvaluation>(json);

        Assert.Contains("\"phase\":\"tasks\"", json, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
        Assert.Equal(evaluation.Phase, result.Value.Phase);
        Assert.Equal(evaluation.Checks, result.Value.Checks);
    }

    public static TheoryData<string> HostileInputs => new()
    {
        new string('{', 1000),
        new string('[', 200) + new string(']', 200),
        "null",
        "\"just a string\"",
        "42",
        "{\"tasks\": [null, 1, \"x\"]}",
        "{\"tasks\": [{\"id\": 5, \"title\": true}]}",
        "{\"codebaseSummary\": \"x\", \"languages\": [{\"name\": \"C\", \"files\": 1e400, \"lines\": 1}]}",
        "{\"requirements\": {\"id\": \"REQ-A-FUNC-001\"}}",
        "{\"validation\": [], \"coverage\": {}, \"dependencies\": \"none\"}",
        "```json\n```",
        "```",
        "{\"a\": \"\ud800\"}",
        "}{",
        "{\"\": {\"\": {\"\": []}}}",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Parse_HostileInput_ReportsProblemsWithoutThrowing(string text)
    {
        Assert.NotEmpty(PhaseOutputParser.Parse<ExploreOutput>(text).Problems);
        Assert.NotEmpty(PhaseOutputParser.Parse<RequirementsOutput>(text).Problems);
        Assert.NotEmpty(PhaseOutputParser.Parse<TasksOutput>(text).Problems);
        Assert.NotEmpty(PhaseOutputParser.Parse<SyncOutput>(text).Problems);
    }

    [Fact]
    public void Parse_TypeOutsideTheContext_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => PhaseOutputParser.Parse<Spec>("{}"));
    }
}
