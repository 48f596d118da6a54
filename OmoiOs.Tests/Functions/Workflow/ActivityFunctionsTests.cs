using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow.Activities;
using OmoiOs.Core.Workflow.Contracts;
using OmoiOs.Functions.Workflow;
using OmoiOs.Tests.Functions.Support;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Functions.Workflow;

[Collection(AzuriteGroup.Name)]
public sealed class ActivityFunctionsTests : IDisposable
{
    private readonly FunctionsServices _services = new();

    [Fact]
    public void Functions_Generated_AreOneActivityTriggerPerCoreActivityUnderItsCatalogName()
    {
        var functions = typeof(ActivityFunctions).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: m.GetParameters()[0].GetCustomAttribute<ActivityTriggerAttribute>()))
            .ToList();

        Assert.Equal(WorkflowActivityCatalog.All.Select(a => a.Name).Order(StringComparer.Ordinal), functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(functions, f => Assert.NotNull(f.Trigger));
    }

    [Fact]
    public async Task StartPlanningAsync_DraftSpec_RunsTheCoreActivityOnTheRealRecords()
    {
        var spec = await _services.CreateSpecAsync();
        var sut = CreateSut();

        var settings = await sut.StartPlanningAsync(new StartPlanningInput(spec.Id, ExecuteOnly: false), CancellationToken.None);

        Assert.Equal(spec.Id, settings.SpecId);
        Assert.Equal(spec.Options.MaxParallelTasks, settings.MaxParallelTasks);
        Assert.Equal(SpecStatus.Planning, (await _services.Specs.GetAsync(spec.Id, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RequestApprovalAsync_PlanningSpec_PutsItInAwaitingApproval()
    {
        var spec = await _services.CreateSpecAsync();
        var sut = CreateSut();
        await sut.StartPlanningAsync(new StartPlanningInput(spec.Id, ExecuteOnly: false), CancellationToken.None);

        Assert.True(await sut.RequestApprovalAsync(new RequestApprovalInput(spec.Id, ApprovalGate.Design), CancellationToken.None));

        var stored = await _services.Specs.GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(SpecStatus.AwaitingApproval, stored.Status);
        Assert.Equal(ApprovalGate.Design, stored.PendingApproval);
    }

    public void Dispose() => _services.Dispose();

    private ActivityFunctions CreateSut() => new(_services.Get<IServiceProvider>());
}
