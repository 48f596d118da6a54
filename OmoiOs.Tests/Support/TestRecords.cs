using OmoiOs.Core.Domain;

namespace OmoiOs.Tests.Support;

/// <summary>Typed builders for records in tests.</summary>
public static class TestRecords
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static string NewSpecId() => RecordIds.NewSpecId(Guid.NewGuid());

    public static Spec Spec(string? id = null, SpecStatus status = SpecStatus.Draft)
    {
        var specId = id ?? NewSpecId();
        return new Spec
        {
            Id = specId,
            Title = "Add a greeting",
            Description = "The CLI shall greet the user by name.",
            Repository = "/tmp/sample-app",
            Status = status,
            Branch = $"omoi/{specId}",
            InstanceId = specId,
            CreatedAt = Created,
            UpdatedAt = Created,
        };
    }

    public static SpecRequirement Requirement(string specId, int n) => new()
    {
        Id = RecordIds.Requirement(specId, $"REQ-GREET-FUNC-{n:000}"),
        SpecId = specId,
        Key = $"REQ-GREET-FUNC-{n:000}",
        Title = $"Requirement {n}",
        Text = $"When the user runs greet {n}, the CLI shall print hello {n}.",
        Pattern = EarsPattern.EventDriven,
        Condition = $"the user runs greet {n}",
        Action = $"print hello {n}",
    };

    public static SpecAcceptanceCriterion Criterion(string specId, int requirement, int ordinal) => new()
    {
        Id = RecordIds.Criterion(specId, $"REQ-GREET-FUNC-{requirement:000}", ordinal),
        SpecId = specId,
        RequirementId = RecordIds.Requirement(specId, $"REQ-GREET-FUNC-{requirement:000}"),
        Ordinal = ordinal,
        Text = $"Criterion {ordinal} of requirement {requirement}",
    };

    public static SpecTask SpecTask(string specId, int n, params int[] dependsOn) => new()
    {
        Id = RecordIds.SpecTask(specId, $"TSK-{n:000}"),
        SpecId = specId,
        Key = $"TSK-{n:000}",
        Title = $"Task {n}",
        EstimatedHours = 2,
        DependsOn = dependsOn.Select(d => RecordIds.SpecTask(specId, $"TSK-{d:000}")).ToList(),
    };

    public static WorkTask WorkTask(string specId, int n, params int[] dependsOn) => new()
    {
        Id = RecordIds.WorkTask(specId, $"TSK-{n:000}"),
        SpecId = specId,
        TicketId = RecordIds.Ticket(specId),
        SpecTaskId = RecordIds.SpecTask(specId, $"TSK-{n:000}"),
        Title = $"Task {n}",
        DependsOn = dependsOn.Select(d => RecordIds.WorkTask(specId, $"TSK-{d:000}")).ToList(),
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static Ticket Ticket(string specId) => new()
    {
        Id = RecordIds.Ticket(specId),
        SpecId = specId,
        Title = "[Spec] Add a greeting",
        CreatedAt = Created,
        UpdatedAt = Created,
    };
}
