using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Planning;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Support;

/// <summary>
/// <see cref="ServicesHarness"/> with an agent that completes every task at once and records what it was asked,
/// and specs whose planning is done (outputs stored and SYNCed) so that a test starts at EXECUTE.
/// </summary>
public sealed class WorkflowHarness : IDisposable
{
    private readonly ServicesHarness _services;

    public WorkflowHarness() => _services = new ServicesHarness(configure: services => services.AddSingleton<ITaskRunner>(Runner));

    public RecordingTaskRunner Runner { get; } = new();

    public T Get<T>()
        where T : notnull => _services.Get<T>();

    public Task<TaskHubWorkflowClient> StartWorkerAsync() => _services.StartWorkerAsync();

    /// <summary>
    /// A spec whose planning outputs are stored and SYNCed (status planning_complete): <paramref name="tasks"/> tasks,
    /// task n depending on task n-3, each addressing requirement n mod <paramref name="requirements"/>.
    /// </summary>
    public async Task<Spec> SeedPlannedSpecAsync(int requirements, int tasks, string requirementText = "record request")
    {
        var spec = await Get<ISpecRepository>().CreateAsync(TestRecords.Spec(status: SpecStatus.Planning) with { Options = new SpecOptions { MaxParallelTasks = 8 } }, CancellationToken.None);
        await StoreRequirementsAsync(spec.Id, requirements, requirementText);
        var plannedTasks = new TasksOutput
        {
            Tasks = [.. Enumerable.Range(1, tasks).Select(n => new PlannedTask
            {
                Id = $"TSK-{n:D3}",
                Title = $"Step {n}",
                EstimatedHours = 2,
                DependsOn = n > 3 ? [$"TSK-{n - 3:D3}"] : [],
                RequirementsAddressed = [$"REQ-FIG-FUNC-{((n - 1) % requirements) + 1:D3}"],
            })],
        };
        var texts = Get<ILargeTextStore>();
        await texts.WriteAsync(spec.Id, PhaseOutputKeys.For(SpecPhase.Explore), JsonSerializer.Serialize(new ExploreOutput { TestCommand = "make test" }, PlanningJsonContext.Default.ExploreOutput), CancellationToken.None);
        await texts.WriteAsync(spec.Id, PhaseOutputKeys.For(SpecPhase.Design), JsonSerializer.Serialize(new DesignOutput { ArchitectureOverview = "One recorder." }, PlanningJsonContext.Default.DesignOutput), CancellationToken.None);
        await texts.WriteAsync(spec.Id, PhaseOutputKeys.For(SpecPhase.Tasks), JsonSerializer.Serialize(plannedTasks, PlanningJsonContext.Default.TasksOutput), CancellationToken.None);
        var sync = await Get<SyncActivity>().RunAsync(new SyncInput(spec.Id), CancellationToken.None);
        Assert.True(sync.ReadyForExecution, string.Join("; ", sync.Blockers));
        return spec;
    }

    /// <summary>Stores an accepted REQUIREMENTS output whose requirement n reads "WHEN ... THE SYSTEM SHALL {text} n."</summary>
    public async Task StoreRequirementsAsync(string specId, int requirements, string text)
    {
        var output = new RequirementsOutput
        {
            Requirements = [.. Enumerable.Range(1, requirements).Select(n => new PlannedRequirement
            {
                Id = $"REQ-FIG-FUNC-{n:D3}",
                Title = $"Requirement {n}",
                Type = RequirementCategory.Functional,
                Text = $"WHEN a client sends request {n} THE SYSTEM SHALL {text} {n}.",
                AcceptanceCriteria = [$"{text} {n} works.", $"{text} {n} is logged."],
            })],
        };
        await Get<ILargeTextStore>().WriteAsync(specId, PhaseOutputKeys.For(SpecPhase.Requirements), JsonSerializer.Serialize(output, PlanningJsonContext.Default.RequirementsOutput), CancellationToken.None);
    }

    public void Dispose() => _services.Dispose();

    /// <summary>Completes every task at once (unless told to answer otherwise) and keeps every request it got.</summary>
    public sealed class RecordingTaskRunner : ITaskRunner
    {
        public ConcurrentQueue<TaskRunRequest> Requests { get; } = new();

        /// <summary>The outcome of each run; null completes it.</summary>
        public Func<TaskRunRequest, TaskRunOutcome>? Answer { get; set; }

        public Task<TaskRunOutcome> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return Task.FromResult(Answer?.Invoke(request) ?? new TaskRunOutcome(TaskRunVerdict.Completed, new WorkTaskResult { ExitCode = 0, ChecksPassed = true }, null, null, $"ran {request.Task.Id}\n"));
        }
    }
}
