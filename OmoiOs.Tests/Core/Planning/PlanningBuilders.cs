using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Tests.Core.Planning;

/// <summary>Valid phase outputs for a small "password reset" feature, to be bent into the case under test.</summary>
internal static class PlanningBuilders
{
    public static PlannedRequirement Requirement(string id, string text, params string[] criteria) => new()
    {
        Id = id,
        Title = $"Title of {id}",
        Type = PlanningKeys.TryGetCategory(id, out var category) ? category : RequirementCategory.Functional,
        Text = text,
        AcceptanceCriteria = criteria.Length > 0 ? criteria : ["first criterion", "second criterion"],
    };

    public static PlannedTask Task(string id, string[] dependsOn, string[] requirements, double hours = 2) => new()
    {
        Id = id,
        Title = $"Title of {id}",
        EstimatedHours = hours,
        DependsOn = dependsOn,
        RequirementsAddressed = requirements,
        FilesToModify = [$"src/{id.ToLowerInvariant()}.py"],
    };

    public static RequirementsOutput Requirements() => new()
    {
        Requirements =
        [
            Requirement("REQ-RESET-FUNC-001", "When the user requests a password reset, the system shall email a single-use link."),
            Requirement("REQ-RESET-SEC-001", "If a reset link is older than 30 minutes, then the system shall reject it."),
        ],
    };

    public static TasksOutput Tasks() => new()
    {
        Tasks =
        [
            Task("TSK-001", [], ["REQ-RESET-FUNC-001"]),
            Task("TSK-002", ["TSK-001"], ["REQ-RESET-SEC-001"]),
        ],
        CriticalPath = ["TSK-001", "TSK-002"],
    };

    public static DesignOutput Design() => new()
    {
        ArchitectureOverview = "A reset service beside the existing auth module.",
        Components =
        [
            new DesignComponent { Name = "ResetService", FilePath = "src/reset.py", Responsibility = "issues and checks links", Requirements = ["REQ-RESET-FUNC-001"] },
            new DesignComponent { Name = "TokenStore", FilePath = "src/tokens.py", Responsibility = "expires links (REQ-RESET-SEC-001)" },
        ],
        ApiEndpoints = [new ApiEndpoint { Method = "POST", Path = "/reset", Request = "email", Response = "202" }],
        ErrorHandling = "Unknown emails get the same answer.",
        TestingStrategy = "Unit tests per component.",
    };

    public static ExploreOutput Explore() => new()
    {
        CodebaseSummary = "A Flask web app with an auth module.",
        ProjectType = "web_app",
        TechStack = ["python", "flask"],
        Structure = [new PathPurpose("src/", "application code")],
        KeyFiles = [new PathPurpose("src/auth.py", "login and sessions")],
        FeatureSummary = new FeatureSummary { Name = "password reset", ProblemStatement = "Users locked out cannot recover." },
    };

    public static string Json(RequirementsOutput output) => JsonSerializer.Serialize(output, PlanningJsonContext.Default.RequirementsOutput);

    public static string Json(TasksOutput output) => JsonSerializer.Serialize(output, PlanningJsonContext.Default.TasksOutput);

    public static string Json(DesignOutput output) => JsonSerializer.Serialize(output, PlanningJsonContext.Default.DesignOutput);

    public static string Json(ExploreOutput output) => JsonSerializer.Serialize(output, PlanningJsonContext.Default.ExploreOutput);

    public static string Json(SyncOutput output) => JsonSerializer.Serialize(output, PlanningJsonContext.Default.SyncOutput);
}
