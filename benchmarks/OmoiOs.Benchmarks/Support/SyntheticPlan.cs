using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;

namespace OmoiOs.Benchmarks.Support;

/// <summary>
/// Accepted planning outputs of a given size, as a planner would have stored them: requirements with three
/// acceptance criteria each, a design, an explore summary, and tasks in a wide dependency graph (task i waits
/// for tasks i-37 and i-50), each addressing one requirement so that every requirement is covered.
/// </summary>
public sealed record SyntheticPlan(ExploreOutput Explore, RequirementsOutput Requirements, DesignOutput Design, TasksOutput Tasks)
{
    public const int CriteriaPerRequirement = 3;

    public static SyntheticPlan Create(int requirementCount, int taskCount)
    {
        var requirements = Enumerable.Range(1, requirementCount).Select(n => new PlannedRequirement
        {
            Id = $"REQ-FIG-FUNC-{n:D3}",
            Title = $"Record request {n}",
            Type = RequirementCategory.Functional,
            Priority = (Priority)(n % 4),
            Text = $"WHEN a client sends request {n} THE SYSTEM SHALL record request {n} within 200 ms.",
            Condition = $"a client sends request {n}",
            Action = $"record request {n} within 200 ms",
            AcceptanceCriteria = [.. Enumerable.Range(1, CriteriaPerRequirement).Select(c => $"Request {n} is recorded (check {c}).")],
        }).ToList();
        var tasks = Enumerable.Range(1, taskCount).Select(n => new PlannedTask
        {
            Id = TaskKey(n),
            Title = $"Implement step {n}",
            Description = $"Implement step {n} of the feature.",
            Priority = (Priority)(n % 4),
            EstimatedHours = 1 + (n % 4),
            FilesToModify = [$"src/step{n % 40}.cs"],
            DependsOn = [.. ((int[])[37, 50]).Where(d => n > d).Select(d => TaskKey(n - d))],
            RequirementsAddressed = [requirements[(n - 1) % requirementCount].Id],
            AcceptanceCriteria = [$"Step {n} works."],
        }).ToList();
        return new SyntheticPlan(
            new ExploreOutput { CodebaseSummary = "A figure's stand-in repository.", ProjectType = "library", TestCommand = "true" },
            new RequirementsOutput { Requirements = requirements },
            new DesignOutput
            {
                ArchitectureOverview = "One service that records requests.",
                Components = [new DesignComponent { Name = "Recorder", Type = "service", FilePath = "src/Recorder.cs", Responsibility = "Records requests." }],
            },
            new TasksOutput { Tasks = tasks });
    }

    public int CriteriaCount => Requirements.Requirements.Sum(r => r.AcceptanceCriteria.Count);

    /// <summary>Creates a spec in planning with these outputs accepted, ready for SYNC.</summary>
    public async Task<Spec> SeedAsync(IServiceProvider services, int maxParallelTasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var specs = services.GetRequiredService<ISpecRepository>();
        var texts = services.GetRequiredService<ILargeTextStore>();
        var id = RecordIds.NewSpecId(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var spec = await specs.CreateAsync(
            new Spec
            {
                Id = id,
                Title = "Figure spec",
                Description = "A synthetic plan for the figures.",
                Repository = Path.GetTempPath(),
                Status = SpecStatus.Planning,
                CurrentPhase = SpecPhase.Tasks,
                Options = new SpecOptions { MaxParallelTasks = maxParallelTasks },
                Branch = $"omoi/{id}",
                InstanceId = id,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);

        await texts.WriteAsync(id, PhaseOutputKeys.For(SpecPhase.Explore), JsonSerializer.Serialize(Explore, PlanningJsonContext.Default.ExploreOutput), cancellationToken).ConfigureAwait(false);
        await texts.WriteAsync(id, PhaseOutputKeys.For(SpecPhase.Requirements), JsonSerializer.Serialize(Requirements, PlanningJsonContext.Default.RequirementsOutput), cancellationToken).ConfigureAwait(false);
        await texts.WriteAsync(id, PhaseOutputKeys.For(SpecPhase.Design), JsonSerializer.Serialize(Design, PlanningJsonContext.Default.DesignOutput), cancellationToken).ConfigureAwait(false);
        await texts.WriteAsync(id, PhaseOutputKeys.For(SpecPhase.Tasks), JsonSerializer.Serialize(Tasks, PlanningJsonContext.Default.TasksOutput), cancellationToken).ConfigureAwait(false);
        return spec;
    }

    private static string TaskKey(int n) => $"TSK-{n:D4}";
}
