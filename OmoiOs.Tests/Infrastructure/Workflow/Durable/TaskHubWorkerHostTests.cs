using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OmoiOs.Core.Application;
using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Domain.Transitions;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Durable;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

/// <summary>
/// <see cref="SpecWorkflow"/> on the real engine: the Durable Task Framework's Azure Storage provider on Azurite, through
/// <see cref="TaskHubWorkerHost"/> and <see cref="TaskHubWorkflowClient"/> as the local hosts use them.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TaskHubWorkerHostTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly List<ServicesHarness> _harnesses = [];

    [Fact]
    public async Task StartAsync_NewSpec_PlansAndRunsEveryTaskOnceToCompleted()
    {
        var runner = new ScriptedTaskRunner();
        var services = await HarnessAsync(runner);
        var spec = await CreateSpecAsync(services);

        var start = await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        var state = await Engine(services).WaitForCompletionAsync(start.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        var stored = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Completed, stored.Status);
        var tasks = await services.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None);
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(WorkTaskStatus.Completed, t.Status));
        Assert.All(tasks, t => Assert.Equal(1, runner.Runs[t.Id]));
        await AssertEventsGapFreeAsync(services, spec.Id);
    }

    [Fact]
    public async Task StartAsync_NewSpec_LeavesTheInstanceWhereTheDurableFunctionsMonitorReadsIt()
    {
        var services = await HarnessAsync(new ScriptedTaskRunner());
        var spec = await CreateSpecAsync(services);

        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        var tables = services.Get<TableServiceClient>();
        var instance = await tables.GetTableClient(services.TablePrefix + "Instances").GetEntityAsync<TableEntity>(spec.InstanceId, string.Empty);
        Assert.Equal("Completed", instance.Value.GetString("RuntimeStatus"));
        Assert.Equal(WorkflowNames.SpecWorkflow, instance.Value.GetString("Name"));
        Assert.Contains("\"phase\":\"complete\"", instance.Value.GetString("CustomStatus"), StringComparison.Ordinal);
        var history = tables.GetTableClient(services.TablePrefix + "History").QueryAsync<TableEntity>(e => e.PartitionKey == spec.InstanceId);
        var activities = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in history)
        {
            if (row.GetString("EventType") == "TaskScheduled")
            {
                activities.Add(row.GetString("Name"));
            }
        }

        Assert.Superset(new HashSet<string>(["StartPlanning", "RunPhase", "Sync", "PrepareExecution", "RunTaskAttempt", "CompleteSpec"]), activities);
    }

    [Fact]
    public async Task ExecuteAsync_WhileRunning_DoesNotStartASecondRun()
    {
        var runner = new ScriptedTaskRunner();
        runner.Hold();
        var services = await HarnessAsync(runner);
        var spec = await CreateSpecAsync(services);
        var specs = services.Get<SpecService>();

        var first = await specs.ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        var second = await specs.ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        runner.Release();
        await Engine(services).WaitForCompletionAsync(first.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.All(runner.Runs.Values, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task RestartAsync_WhileTasksRun_TheNewEngineFinishesTheRunWithOneVerdictPerTask()
    {
        var runner = new ScriptedTaskRunner();
        runner.Hold();
        var services = await HarnessAsync(runner);
        var spec = await CreateSpecAsync(services);
        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await WaitUntilAsync(() => runner.TotalRuns > 0);

        await services.Get<TaskHubWorkerHost>().RestartAsync(CancellationToken.None);
        runner.Release();
        var state = await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
        Assert.All(await services.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None), t => Assert.Equal(WorkTaskStatus.Completed, t.Status));
        var verdicts = (await Events(services, spec.Id)).Where(e => e.Type is SpecEventTypes.TaskCompleted or SpecEventTypes.TaskFailed).GroupBy(e => e.EntityId);
        Assert.All(verdicts, v => Assert.Single(v));
        await AssertEventsGapFreeAsync(services, spec.Id);
    }

    [Fact]
    public async Task PrefetchStallWatch_EngineHoldingItsLimitOfMessagesThatNothingFinishes_RestartsItAndTheRunCompletes()
    {
        var services = await HarnessAsync(new ScriptedTaskRunner());
        var engine = services.Get<TaskHubWorkerHost>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var watch = new PrefetchStallWatch(engine, clock, NullLogger<PrefetchStallWatch>.Instance);
        await watch.StartAsync(CancellationToken.None);
        LeakPrefetchedMessages(engine, TaskHubService.PrefetchLimit);
        var spec = await CreateSpecAsync(services);
        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var stuck = await Engine(services).GetAsync(spec.InstanceId, CancellationToken.None);
        clock.Advance(PrefetchStallWatch.Period);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        clock.Advance(PrefetchStall.StallTime);
        var state = await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);
        await watch.StopAsync(CancellationToken.None);

        Assert.Equal(WorkflowRuntimeStatus.Pending, stuck!.Status);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
        Assert.DoesNotContain(PrefetchedMessages.IdsOf(engine.Service!), id => id.StartsWith("leaked-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeFinishedAsync_OneRunFinishedOneRunning_DeletesOnlyTheFinishedRunsHistoryCreatedBeforeTheCutoff()
    {
        var runner = new ScriptedTaskRunner();
        var services = await HarnessAsync(runner);
        var finished = await CreateSpecAsync(services);
        await services.Get<SpecService>().ExecuteAsync(finished.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(finished.InstanceId, CancellationToken.None).WaitAsync(Deadline);
        runner.Hold();
        var ranBefore = runner.TotalRuns;
        var running = await CreateSpecAsync(services);
        await services.Get<SpecService>().ExecuteAsync(running.Id, Engine(services), CancellationToken.None);
        await WaitUntilAsync(() => runner.TotalRuns > ranBefore);
        var createdAt = (await Engine(services).GetAsync(finished.InstanceId, CancellationToken.None))!.CreatedAt;

        var beforeEither = await Engine(services).PurgeFinishedAsync(createdAt.AddSeconds(-1), CancellationToken.None);
        var afterBoth = await Engine(services).PurgeFinishedAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        runner.Release();

        Assert.Equal((0, 1), (beforeEither, afterBoth));
        Assert.Null(await Engine(services).GetAsync(finished.InstanceId, CancellationToken.None));
        Assert.Empty(await HistoryRowsAsync(services, finished.InstanceId));
        Assert.NotEmpty(await HistoryRowsAsync(services, running.InstanceId));
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(finished.Id, CancellationToken.None)).Status);
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await Engine(services).WaitForCompletionAsync(running.InstanceId, CancellationToken.None).WaitAsync(Deadline))!.Status);
    }

    [Fact]
    public async Task Approval_RaisedWhileWaiting_RejectRerunsThePhaseThenApproveGoesOn()
    {
        var services = await HarnessAsync(new ScriptedTaskRunner());
        var spec = await CreateSpecAsync(services, new SpecOptionsRequest { RequireApproval = [ApprovalGate.Requirements] });
        var specs = services.Get<SpecService>();
        var engine = Engine(services);
        await specs.ExecuteAsync(spec.Id, engine, CancellationToken.None);

        await WaitForStatusAsync(services, spec.Id, SpecStatus.AwaitingApproval);
        await specs.ApproveAsync(spec.Id, new ApproveRequest(ApprovalGate.Requirements, false, "Split the second requirement."), engine, CancellationToken.None);
        await WaitUntilAsync(async () => (await Events(services, spec.Id)).Count(e => e.Type == SpecEventTypes.ApprovalRequested) == 2);
        await specs.ApproveAsync(spec.Id, new ApproveRequest(ApprovalGate.Requirements, true, null), engine, CancellationToken.None);
        await engine.WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        var events = await Events(services, spec.Id);
        Assert.Equal(2, events.Count(e => e.Type == SpecEventTypes.PhaseStarted && (string?)e.Payload["phase"] == "requirements"));
        Assert.Equal(2, events.Count(e => e.Type == SpecEventTypes.ApprovalReceived));
        var request = events.First(e => e.Type == SpecEventTypes.ApprovalRequested).Payload;
        Assert.Equal($"/api/specs/{spec.Id}/requirements", (string?)request["read"]);
        Assert.Equal($"omoi show {spec.Id} requirements", (string?)request["show"]);
        Assert.True((int?)request["items"] > 0, request.ToJsonString());
        var stored = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Completed, stored.Status);
        Assert.NotNull(stored.RequirementsApprovedAt);
    }

    [Fact]
    public async Task Approval_NobodyAnswersBeforeTheTimeout_FailsTheSpecSayingSo()
    {
        var services = await HarnessAsync(new ScriptedTaskRunner());
        var spec = await CreateSpecAsync(services, new SpecOptionsRequest { RequireApproval = [ApprovalGate.Design], ApprovalTimeoutSeconds = 1 });

        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        var stored = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Failed, stored.Status);
        Assert.StartsWith("approval of design timed out", stored.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_TaskThatKeepsFailing_IsRetriedThenFailsAndOnlyItsDependantsAreBlocked()
    {
        string? victim = null;
        var runner = new ScriptedTaskRunner(request =>
        {
            victim ??= request.SpecTask.Key == "TSK-001" ? request.Task.Id : null;
            return request.Task.Id == victim ? TaskRunVerdict.NeedsRevision : TaskRunVerdict.Completed;
        });
        var services = await HarnessAsync(runner);
        var spec = await CreateSpecAsync(services, new SpecOptionsRequest { MaxRetries = 2 });

        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        var tasks = await services.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None);
        var failed = Assert.Single(tasks, t => t.Status == WorkTaskStatus.Failed);
        Assert.Equal(3, runner.Runs[failed.Id]);
        Assert.All(tasks.Where(t => t.DependsOn.Contains(failed.Id)), t => Assert.Equal(WorkTaskStatus.Blocked, t.Status));
        Assert.All(tasks.Where(t => t.Status == WorkTaskStatus.Blocked), t => Assert.NotEmpty(t.DependsOn));
        var stored = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.Failed, stored.Status);
        Assert.Contains("1 task(s) failed", stored.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BudgetSpent_StopsSchedulingAndFailsWithBudgetExhaustedKeepingWhatRan()
    {
        var runner = new ScriptedTaskRunner(costPerRun: 0.10m);
        var services = await HarnessAsync(runner);
        var spec = await CreateSpecAsync(services, new SpecOptionsRequest { BudgetUsd = 0.15m, MaxParallelTasks = 1 });

        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        var stored = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal((SpecStatus.Failed, FailureReasons.BudgetExhausted), (stored.Status, stored.FailureReason));
        Assert.Equal(0.20m, stored.CostUsd);
        var tasks = await services.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None);
        Assert.Equal(2, tasks.Count(t => t.Status == WorkTaskStatus.Completed));
        Assert.Contains(tasks, t => t.Status == WorkTaskStatus.Pending);
        Assert.Equal(2, runner.TotalRuns);
    }

    [Fact]
    public async Task Replay_HistoryTheCodeDidNotMake_FailsTheInstanceAsNondeterministic()
    {
        var (services, spec) = await RunOnCodeThatDidNotMakeItsHistoryAsync();
        var state = await Engine(services).GetAsync(spec.InstanceId, CancellationToken.None);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state!.Status);
        Assert.Contains("Non-Deterministic", state.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Execute_ResultNamingAnotherTask_StopsTheRunAndFailsTheSpecAndARunAgainCompletesIt()
    {
        var (services, spec, stopped) = await RunOnStaleResultWorkerAsync(StaleResultWorker.AnotherTask);
        Assert.Equal(WorkflowRuntimeStatus.Completed, stopped.Status);

        var failed = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        await services.StartWorkerAsync();
        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(SpecStatus.Failed, failed.Status);
        Assert.Contains($"with the result of task {StaleResultWorker.OtherTaskId}", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
        await AssertEventsGapFreeAsync(services, spec.Id);
    }

    [Fact]
    public async Task Sweep_EngineFailedTheRunMidExecute_RestartsItExecuteOnlyAndItCompletesEveryTaskOnce()
    {
        var (services, spec, failed) = await RunOnStaleResultWorkerAsync(StaleResultWorker.AnotherCall, new SpecOptionsRequest { RequireApproval = [] });
        Assert.Equal(WorkflowRuntimeStatus.Failed, failed.Status);

        var stuck = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        await services.StartWorkerAsync();
        var restarted = Assert.Single(await services.Get<EndedRunReconciler>().SweepAsync(Engine(services), CancellationToken.None));
        var instance = await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(SpecStatus.ExecutingTasks, stuck.Status);
        Assert.Equal(EndedRunAction.Restarted, restarted.Action);
        Assert.Contains("JsonException", restarted.Reason, StringComparison.Ordinal);
        Assert.Equal((WorkflowRuntimeStatus.Completed, true, 1), (instance!.Status, instance.Input!.ExecuteOnly, instance.Input.Restarts));
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
        var verdicts = (await Events(services, spec.Id)).Where(e => e.Type is SpecEventTypes.TaskCompleted or SpecEventTypes.TaskFailed).GroupBy(e => e.EntityId);
        Assert.All(verdicts, v => Assert.Single(v));
        Assert.All(await services.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None), t => Assert.Equal(WorkTaskStatus.Completed, t.Status));
        await AssertEventsGapFreeAsync(services, spec.Id);
    }

    [Fact]
    public async Task Sweep_InstanceTheEngineFailed_RestartsTheRunOnceWhichResumesFromTheRecordsAndCompletes()
    {
        var (services, spec) = await RunOnCodeThatDidNotMakeItsHistoryAsync();
        var stuck = await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None);
        var reconciler = services.Get<EndedRunReconciler>();

        var acted = await reconciler.SweepAsync(Engine(services), CancellationToken.None);
        var again = await reconciler.SweepAsync(Engine(services), CancellationToken.None);
        var completed = await ApproveUntilFinishedAsync(services, spec.Id);

        Assert.False(SpecTransitions.IsFinished(stuck.Status), $"the engine's failure alone left the spec {stuck.Status}");
        var restarted = Assert.Single(acted);
        Assert.Equal((spec.Id, EndedRunAction.Restarted), (restarted.Spec.Id, restarted.Action));
        Assert.False(SpecTransitions.IsFinished(restarted.Spec.Status));
        Assert.StartsWith("The workflow engine failed this run: ", restarted.Reason, StringComparison.Ordinal);
        Assert.Contains("Non-Deterministic", restarted.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"{restarted.Reason} The run was restarted (1 of {EndedRunReconciler.MaxRestarts}).", restarted.Spec.LastError);
        Assert.Empty(again);
        Assert.Equal(SpecStatus.Completed, completed.Status);
        var note = Assert.Single(await Events(services, spec.Id), e => e.Type == SpecEventTypes.RunRestarted);
        Assert.Equal((restarted.Reason, 1), ((string?)note.Payload["reason"], (int?)note.Payload["restart"]));
        Assert.Equal(1, (await Engine(services).GetAsync(spec.InstanceId, CancellationToken.None))!.Input!.Restarts);
        await AssertEventsGapFreeAsync(services, spec.Id);
    }

    [Fact]
    public async Task StartAsync_TasksOfOneExecution_EachAgentRequestCarriesItsOwnRequirementsAndTheSharedInputs()
    {
        using var harness = new WorkflowHarness();
        var spec = await harness.SeedPlannedSpecAsync(requirements: 4, tasks: 12);
        var engine = await harness.StartWorkerAsync();

        await engine.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id, ExecuteOnly: true), CancellationToken.None);
        var state = await engine.WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        Assert.Equal(12, harness.Runner.Requests.Count);
        Assert.All(harness.Runner.Requests, request =>
        {
            var requirement = Assert.Single(request.Requirements);
            Assert.Equal(Assert.Single(request.SpecTask.Requirements), requirement.Id);
            Assert.Equal(2, request.AcceptanceCriteria.Count);
            Assert.All(request.AcceptanceCriteria, c => Assert.Equal(requirement.Id, c.RequirementId));
            Assert.Equal(request.Task.SpecTaskId, request.SpecTask.Id);
            Assert.Equal("make test", request.CheckCommand);
            Assert.Equal("One recorder.", request.DesignSummary);
            Assert.Equal(spec.Id, request.Spec.Id);
        });
    }

    [Fact]
    public async Task Execute_SpecOnAGitUrl_RunsTasksOnTheLocalCloneAndKeepsTheUrlOnTheSpec()
    {
        var repositories = new System.Collections.Concurrent.ConcurrentBag<string>();
        var runner = new ScriptedTaskRunner(request =>
        {
            repositories.Add(request.Spec.Repository);
            return TaskRunVerdict.Completed;
        });
        var services = await HarnessAsync(runner);
        var url = FakeSsh.UrlOf(await SampleRepository.CreateAsync());
        var spec = await services.Get<SpecService>().CreateAsync(
            new CreateSpecRequest { Title = "Greeting", Description = "The CLI shall print a configurable greeting.", Repository = url },
            CancellationToken.None);

        await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(url, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Repository);
        var clone = Assert.Single(repositories.Distinct());
        Assert.True(Directory.Exists(Path.Combine(clone, ".git")), clone);
        Assert.Equal(SpecStatus.Completed, (await services.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
    }

    private async Task<ServicesHarness> HarnessAsync(ITaskRunner runner, string? tablePrefix = null)
    {
        var harness = new ServicesHarness(tablePrefix: tablePrefix, configure: services => services.AddSingleton(runner));
        _harnesses.Add(harness);
        await harness.StartWorkerAsync();
        return harness;
    }

    private static TaskHubWorkflowClient Engine(ServicesHarness services) => services.Workflows;

    /// <summary>A spec whose run reached the design gate on other code, then ended on this code's worker once approved.</summary>
    /// <summary>Runs a new spec on <see cref="StaleResultWorker"/> until the engine ends its instance; returns how it ended.</summary>
    private async Task<(ServicesHarness Services, Spec Spec, WorkflowInstanceState Ended)> RunOnStaleResultWorkerAsync(Func<TaskAttemptResult, object> firstAnswer, SpecOptionsRequest? options = null)
    {
        var services = new ServicesHarness(configure: s => s.AddSingleton<ITaskRunner>(new ScriptedTaskRunner()));
        _harnesses.Add(services);
        var spec = await CreateSpecAsync(services, options);
        await using (await StaleResultWorker.StartAsync(services, firstAnswer))
        {
            await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
            var ended = await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);
            return (services, spec, ended!);
        }
    }

    private async Task<(ServicesHarness Services, Spec Spec)> RunOnCodeThatDidNotMakeItsHistoryAsync()
    {
        var services = new ServicesHarness(configure: s => s.AddSingleton<ITaskRunner>(new ScriptedTaskRunner()));
        _harnesses.Add(services);
        var spec = await CreateSpecAsync(services);
        await using (var other = await OtherCodeWorker.StartAsync(services))
        {
            await services.Get<SpecService>().ExecuteAsync(spec.Id, Engine(services), CancellationToken.None);
            await WaitUntilAsync(() => other.WaitingForApproval);
        }

        await services.StartWorkerAsync();
        await Engine(services).RaiseApprovalAsync(spec.InstanceId, new ApprovalDecision(ApprovalGate.Design, true, null), CancellationToken.None);
        await Engine(services).WaitForCompletionAsync(spec.InstanceId, CancellationToken.None).WaitAsync(Deadline);
        return (services, spec);
    }

    private static async Task<Spec> CreateSpecAsync(ServicesHarness services, SpecOptionsRequest? options = null) =>
        await services.Get<SpecService>().CreateAsync(
            new CreateSpecRequest
            {
                Title = "Configurable greeting",
                Description = "The greeting word is configurable through a --greeting option.\nWhen the option is empty, the CLI prints an error and exits with code 2.",
                Repository = await SampleRepository.CreateAsync(),
                Options = options,
            },
            CancellationToken.None);

    /// <summary>What a leak of the provider's count leaves behind: message ids it holds that nothing will ever finish.</summary>
    private static void LeakPrefetchedMessages(TaskHubWorkerHost engine, int count)
    {
        var held = PrefetchedMessages.Of(engine.Service!);
        var marker = held.GetType().GetGenericArguments()[1] == typeof(byte) ? (object)(byte)1 : 1;
        for (var i = 0; i < count; i++)
        {
            held[$"leaked-{i}"] = marker;
        }
    }

    private static async Task<List<TableEntity>> HistoryRowsAsync(ServicesHarness services, string instanceId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in services.Get<TableServiceClient>().GetTableClient(services.TablePrefix + "History").QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static Task<IReadOnlyList<SpecEvent>> Events(ServicesHarness services, string specId) =>
        services.Get<ISpecEventRepository>().ListAsync(specId, 0, 10_000, CancellationToken.None);

    private static async Task AssertEventsGapFreeAsync(ServicesHarness services, string specId)
    {
        var events = await Events(services, specId);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    private static Task WaitForStatusAsync(ServicesHarness services, string specId, SpecStatus status) =>
        WaitUntilAsync(async () => (await services.Get<ISpecRepository>().GetAsync(specId, CancellationToken.None)).Status == status);

    /// <summary>Approves each gate the spec's run asks for until the spec has finished; returns it then.</summary>
    private static async Task<Spec> ApproveUntilFinishedAsync(ServicesHarness services, string specId)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var spec = await services.Get<ISpecRepository>().GetAsync(specId, CancellationToken.None);
            if (SpecTransitions.IsFinished(spec.Status))
            {
                return spec;
            }

            if (spec.PendingApproval is { } gate)
            {
                await Engine(services).RaiseApprovalAsync(spec.InstanceId, new ApprovalDecision(gate, true, null), CancellationToken.None);
                await WaitUntilAsync(async () => (await services.Get<ISpecRepository>().GetAsync(specId, CancellationToken.None)).PendingApproval != gate);
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public void Dispose()
    {
        foreach (var harness in _harnesses)
        {
            harness.Dispose();
        }
    }
}
