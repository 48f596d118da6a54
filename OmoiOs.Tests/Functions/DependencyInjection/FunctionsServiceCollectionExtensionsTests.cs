using System.Text.Json.Nodes;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.DependencyInjection;
using OmoiOs.Infrastructure.Workflow.Durable;
using OmoiOs.Functions.Http;

namespace OmoiOs.Tests.Functions.DependencyInjection;

public sealed class FunctionsServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Durable's data converter in the isolated worker is the worker's serializer (the extension wraps
    /// <c>WorkerOptions.Serializer</c>), so every orchestration and activity input and output, the approval event and the
    /// custom status pass through it: each must come back as it went in.
    /// </summary>
    public static TheoryData<object> WorkflowContracts() =>
    [
        new SpecWorkflowInput("spec-0123456789ab"),
        new SpecWorkflowInput("spec-0123456789ab", ExecuteOnly: true, TaskIds: ["spec-task-0123456789ab-tsk-001"]),
        new SpecWorkflowResult("spec-0123456789ab", "Completed", null, 3, 1, 2),
        new StartPlanningInput("spec-0123456789ab", ExecuteOnly: false),
        new SpecRunSettings("spec-0123456789ab", [ApprovalGate.Requirements, ApprovalGate.Design], 4, 12.5m, 2, 3600, 0.75m),
        new RunPhaseInput("spec-0123456789ab", SpecPhase.Requirements, 2, "cover the error path", "6f9619ff8b86d011b42d00cf4fc964ff"),
        new PhaseAttemptResult(SpecPhase.Design, 1, true, 0.875, string.Empty, 0.01m),
        new RequestApprovalInput("spec-0123456789ab", ApprovalGate.Design),
        new ApprovalDecision(ApprovalGate.Requirements, false, "split REQ-2"),
        new ResolveApprovalInput("spec-0123456789ab", new ApprovalDecision(ApprovalGate.Design, true, null)),
        new SyncInput("spec-0123456789ab"),
        new SyncResult(5, 12, 4, false, ["task TSK-004 depends on itself"]),
        new FailSpecInput("spec-0123456789ab", "approval of design timed out"),
        new PrepareExecutionInput("spec-0123456789ab", null),
        new ExecutionPlanInput("spec-0123456789ab", "ticket-0123456789ab",
        [
            new PlannedWorkTask("task-0123456789ab-tsk-002", ["task-0123456789ab-tsk-001"], Priority.High, 2.5, WorkTaskStatus.NeedsRevision, 1, 2, At),
        ]),
        new RunTaskAttemptInput("spec-0123456789ab", "task-0123456789ab-tsk-002", 2, "tests fail"),
        new TaskAttemptResult("task-0123456789ab-tsk-002", 2, WorkTaskStatus.Failed, null, "exit code 1", 1.25m),
        new BlockTasksInput("spec-0123456789ab", "task-0123456789ab-tsk-002", ["task-0123456789ab-tsk-003"]),
        new CompleteSpecInput("spec-0123456789ab", FailureReasons.BudgetExhausted),
        new WorkflowStatus(SpecPhase.Execute, 64, new TaskCounts(1, 2, 3, 0, 1)),
    ];

    [Theory]
    [MemberData(nameof(WorkflowContracts))]
    public void AddOmoiFunctions_WorkerSerializer_RoundTripsEveryWorkflowContract(object contract)
    {
        var serializer = WorkerSerializer();
        var type = contract.GetType();

        var json = serializer.Serialize(contract, type).ToString();
        var back = serializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), type, CancellationToken.None);

        Assert.IsType(type, back);
        Assert.Equal(json, serializer.Serialize(back, type).ToString());
    }

    /// <summary>Durable Functions' history and the local task hub's history hold the same JSON for the same value.</summary>
    [Theory]
    [MemberData(nameof(WorkflowContracts))]
    public void AddOmoiFunctions_WorkerSerializer_WritesWhatTheLocalTaskHubWrites(object contract)
    {
        var type = contract.GetType();

        var worker = JsonNode.Parse(WorkerSerializer().Serialize(contract, type).ToString());
        var workflow = JsonNode.Parse(WorkflowDataConverter.Instance.Serialize(contract)!);

        Assert.True(JsonNode.DeepEquals(workflow, worker), $"{type.Name}: worker {worker?.ToJsonString()} vs workflow {workflow?.ToJsonString()}");
    }

    [Fact]
    public void AddOmoiFunctions_WorkerSerializer_WritesCamelCaseNamesAndSnakeCaseEnums()
    {
        var json = WorkerSerializer().Serialize(new RunPhaseInput("spec-0123456789ab", SpecPhase.Requirements, 1, null, "run"), typeof(RunPhaseInput)).ToString();

        Assert.Equal("""{"specId":"spec-0123456789ab","phase":"requirements","attempt":1,"feedback":null,"runId":"run"}""", json);
    }

    [Fact]
    public void AddOmoiFunctions_Always_RegistersDurablesCheckStatusResponse()
    {
        using var provider = new ServiceCollection().AddOmoiFunctions(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.IsType<DurableCheckStatusResponseFactory>(provider.GetRequiredService<ICheckStatusResponseFactory>());
    }

    private static ObjectSerializer WorkerSerializer()
    {
        using var provider = new ServiceCollection().AddOmoiFunctions(new ConfigurationBuilder().Build()).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
    }
}
