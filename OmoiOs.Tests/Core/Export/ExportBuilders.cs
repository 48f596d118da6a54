using OmoiOs.Core.Domain;
using OmoiOs.Core.Export;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Tests.Core.Export;

/// <summary>A small stored spec: two requirements, a design, three tasks (two parallel, one after both).</summary>
internal static class ExportBuilders
{
    public const string SpecId = "spec-0123456789ab";

    public static Spec Spec() => new()
    {
        Id = SpecId,
        Title = "Password reset",
        Description = "Let locked-out users reset their password by email.",
        Repository = "/repos/shop",
        Status = SpecStatus.PlanningComplete,
        Branch = "omoi/spec-0123456789ab",
        InstanceId = SpecId,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public static SpecRequirement Requirement(string key, string title, string text, EarsPattern pattern, Priority priority) => new()
    {
        Id = RecordIds.Requirement(SpecId, key),
        SpecId = SpecId,
        Key = key,
        Title = title,
        Text = text,
        Pattern = pattern,
        Action = "",
        Priority = priority,
    };

    public static SpecAcceptanceCriterion Criterion(string requirementKey, int ordinal, string text, bool completed = false) => new()
    {
        Id = RecordIds.Criterion(SpecId, requirementKey, ordinal),
        SpecId = SpecId,
        RequirementId = RecordIds.Requirement(SpecId, requirementKey),
        Ordinal = ordinal,
        Text = text,
        Completed = completed,
    };

    public static SpecTask Task(string key, string title, string[] dependsOn, string[] requirementKeys, string[] create, string[] modify) => new()
    {
        Id = RecordIds.SpecTask(SpecId, key),
        SpecId = SpecId,
        Key = key,
        Title = title,
        EstimatedHours = 2,
        DependsOn = dependsOn.Select(k => RecordIds.SpecTask(SpecId, k)).ToList(),
        Requirements = requirementKeys.Select(k => RecordIds.Requirement(SpecId, k)).ToList(),
        FilesToCreate = create,
        FilesToModify = modify,
    };

    public static SpecExportSource Source() => new(
        Spec(),
        [
            Requirement("REQ-RESET-SEC-001", "Expire old links", "If a reset link is older than 30 minutes, then the system shall reject it.", EarsPattern.UnwantedBehaviour, Priority.Critical),
            Requirement("REQ-RESET-FUNC-001", "Email a reset link", "When the user requests a password reset, the system shall email a single-use link.", EarsPattern.EventDriven, Priority.High),
        ],
        [
            Criterion("REQ-RESET-FUNC-001", 2, "The link works once."),
            Criterion("REQ-RESET-FUNC-001", 1, "An email arrives within 1 minute.", completed: true),
            Criterion("REQ-RESET-SEC-001", 1, "A 31-minute-old link is refused."),
            Criterion("REQ-RESET-SEC-001", 2, "A refused link explains why."),
        ],
        new DesignOutput
        {
            ArchitectureOverview = "A reset service beside the auth module.",
            Components =
            [
                new DesignComponent { Name = "ResetService", Type = "service", FilePath = "src/reset.py", Responsibility = "Issues links.", Interfaces = ["request_reset(email)"], Requirements = ["REQ-RESET-FUNC-001"] },
            ],
            DataModels = [new DataModel { Name = "ResetToken", Description = "A single-use token.", Fields = [new DataField("token", "str", "random | url-safe")] }],
            ApiEndpoints = [new ApiEndpoint { Method = "post", Path = "/reset", Request = "{email}", Response = "202", Errors = ["429"] }],
            TestingStrategy = "Unit tests.",
        },
        [
            Task("TSK-003", "Wire the endpoint", ["TSK-001", "TSK-002"], ["REQ-RESET-FUNC-001", "REQ-RESET-SEC-001"], [], ["src/reset.py"]),
            Task("TSK-001", "Create the reset service", [], ["REQ-RESET-FUNC-001"], ["src/reset.py"], []),
            Task("TSK-002", "Expire tokens", [], ["REQ-RESET-SEC-001"], [], ["src/tokens.py"]) with { Status = SpecTaskStatus.Completed, Description = "Add a TTL\nto tokens." },
        ]);
}
