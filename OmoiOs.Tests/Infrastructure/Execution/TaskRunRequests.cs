using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Infrastructure.Execution;

/// <summary>
/// Builds task run requests against a test repository. <c>check</c> is a test command as EXPLORE detects it (probed in the
/// sandbox); <c>givenCheck</c> and <c>setup</c> are the spec's own <c>options.checkCommand</c> and <c>options.setupCommand</c>.
/// </summary>
internal static class TaskRunRequests
{
    public const string SpecId = "spec-abcdef123456";
    private static readonly DateTimeOffset Created = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TaskRunRequest For(
        string repository,
        string key,
        IReadOnlyList<string>? create = null,
        IReadOnlyList<string>? modify = null,
        string? check = null,
        string? agent = null,
        int timeoutSeconds = 60,
        int attempt = 1,
        string? givenCheck = null,
        string? setup = null)
    {
        var spec = new Spec
        {
            Id = SpecId,
            Title = "Greeting feature",
            Description = "Say hello",
            Repository = repository,
            Branch = $"omoi/{SpecId}",
            InstanceId = SpecId,
            CreatedAt = Created,
            UpdatedAt = Created,
            Options = new SpecOptions { Agent = agent, CheckCommand = givenCheck, SetupCommand = setup },
        };
        var specTask = new SpecTask
        {
            Id = RecordIds.SpecTask(SpecId, key),
            SpecId = SpecId,
            Key = key,
            Title = $"Task {key}",
            Description = $"Do {key}.",
            FilesToCreate = create ?? [],
            FilesToModify = modify ?? [],
        };
        var task = new WorkTask
        {
            Id = RecordIds.WorkTask(SpecId, key),
            SpecId = SpecId,
            TicketId = RecordIds.Ticket(SpecId),
            SpecTaskId = specTask.Id,
            Title = specTask.Title,
            TimeoutSeconds = timeoutSeconds,
            CreatedAt = Created,
            UpdatedAt = Created,
        };
        return new TaskRunRequest { Spec = spec, SpecTask = specTask, Task = task, CheckCommand = givenCheck ?? check, Attempt = attempt };
    }
}
