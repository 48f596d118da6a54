using OmoiOs.Core.Domain;
using OmoiOs.Core.Ports;
using OmoiOs.Core.Workflow;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Infrastructure.Workflow.Embedded;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Infrastructure.Workflow.Embedded;

[Collection(AzuriteGroup.Name)]
public sealed class EmbeddedWorkflowEngineTests : IAsyncDisposable
{
    private readonly WorkflowHarness _harness = new();

    private EmbeddedWorkflowEngine Engine => _harness.Get<EmbeddedWorkflowEngine>();

    [Fact]
    public async Task StartAsync_ExecuteOnlySpecWith40Tasks_RunsEachTaskOnceAndNumbersEveryEventWithoutGaps()
    {
        var spec = await _harness.SeedPlannedSpecAsync(requirements: 10, tasks: 40);

        await Engine.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id, ExecuteOnly: true), CancellationToken.None);
        var state = await Engine.WaitForCompletionAsync(spec.InstanceId, CancellationToken.None);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        Assert.Equal(SpecStatus.Completed, (await _harness.Get<ISpecRepository>().GetAsync(spec.Id, CancellationToken.None)).Status);
        var tasks = await _harness.Get<IWorkTaskRepository>().ListAsync(spec.Id, CancellationToken.None);
        Assert.Equal(40, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(WorkTaskStatus.Completed, t.Status));
        Assert.All(await _harness.Get<ISpecTaskRepository>().ListAsync(spec.Id, CancellationToken.None), t => Assert.Equal(SpecTaskStatus.Completed, t.Status));
        Assert.Equal(tasks.Select(t => t.Id).Order(), _harness.Runner.Requests.Select(r => r.Task.Id).Order());
        var events = await _harness.Get<ISpecEventRepository>().ListAsync(spec.Id, 0, 10_000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.All(tasks, t =>
        {
            Assert.Single(events, e => e.EntityId == t.Id && e.Type == SpecEventTypes.TaskStarted);
            Assert.Single(events, e => e.EntityId == t.Id && e.Type == SpecEventTypes.TaskCompleted);
        });
    }

    [Fact]
    public async Task StartAsync_TasksOfOneExecution_EachAgentRequestCarriesItsOwnRequirementsAndTheSharedInputs()
    {
        var spec = await _harness.SeedPlannedSpecAsync(requirements: 4, tasks: 12);

        await Engine.StartAsync(spec.InstanceId, new SpecWorkflowInput(spec.Id, ExecuteOnly: true), CancellationToken.None);
        await Engine.WaitForCompletionAsync(spec.InstanceId, CancellationToken.None);

        Assert.Equal(12, _harness.Runner.Requests.Count);
        Assert.All(_harness.Runner.Requests, request =>
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
    public async Task DisposeAsync_CalledTwice_StopsOnce()
    {
        await Engine.DisposeAsync();

        await Engine.DisposeAsync();
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
