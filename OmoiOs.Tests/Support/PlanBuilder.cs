using System.Text.Json;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;

namespace OmoiOs.Tests.Support;

/// <summary>Accepted REQUIREMENTS and TASKS outputs of a chosen shape, stored as the planning phases store them.</summary>
public static class PlanBuilder
{
    public static RequirementsOutput Requirements(int count) => new()
    {
        Requirements = Enumerable.Range(1, count).Select(n => new PlannedRequirement
        {
            Id = $"REQ-GREET-FUNC-{n:000}",
            Title = $"Greeting {n}",
            Type = RequirementCategory.Functional,
            Text = $"When the user asks for greeting {n}, the CLI shall print greeting {n}.",
            Condition = $"When the user asks for greeting {n}",
            Action = $"print greeting {n}",
            AcceptanceCriteria = [$"greeting {n} is printed", $"the exit code is 0 for greeting {n}", $"greeting {n} ends with a newline"],
        }).ToList(),
    };

    /// <summary>A chain-and-fan graph: task n depends on task n-1 for every third task, so it has depth and width.</summary>
    public static TasksOutput Tasks(int count, int requirementCount) => new()
    {
        Tasks = Enumerable.Range(1, count).Select(n => new PlannedTask
        {
            Id = $"TSK-{n:000}",
            Title = $"Task {n}",
            Description = $"Do part {n}.",
            Type = SpecTaskType.Implementation,
            Priority = n % 4 == 0 ? Priority.High : Priority.Medium,
            EstimatedHours = 1 + (n % 3),
            FilesToModify = [$"src/part{n}.py"],
            DependsOn = n > 1 && n % 3 == 0 ? [$"TSK-{n - 1:000}"] : [],
            RequirementsAddressed = [$"REQ-GREET-FUNC-{((n - 1) % requirementCount) + 1:000}"],
            AcceptanceCriteria = [$"part {n} works"],
        }).ToList(),
    };

    public static async Task StoreAsync(ILargeTextStore texts, string specId, RequirementsOutput requirements, TasksOutput tasks)
    {
        await texts.WriteAsync(specId, PhaseOutputKeys.For(SpecPhase.Requirements), JsonSerializer.Serialize(requirements, PlanningJsonContext.Default.RequirementsOutput), CancellationToken.None);
        await texts.WriteAsync(specId, PhaseOutputKeys.For(SpecPhase.Tasks), JsonSerializer.Serialize(tasks, PlanningJsonContext.Default.TasksOutput), CancellationToken.None);
    }
}
