using OmoiOs.Core.Application.Contracts;
using OmoiOs.Core.Domain;
using OmoiOs.Local.Cli;
using OmoiOs.Tests.Support;

namespace OmoiOs.Tests.Local.Cli;

public sealed class ProgressViewTests
{
    private static readonly ExecutionStatus NoTasks = new("spec-x", 0, new ExecutionCounts(0, 0, 0, 0, 0, 0), 0, false);

    [Fact]
    public void Describe_SpecWaitingOnAGate_SaysHowToReadThenApproveIt()
    {
        var spec = TestRecords.Spec(status: SpecStatus.AwaitingApproval) with { PendingApproval = ApprovalGate.Design };

        var line = ProgressView.Describe(new SpecSnapshot(spec, NoTasks, ["explore 1.00"], TimeSpan.FromSeconds(8)));

        Assert.Contains($"read it with omoi show {spec.Id} design, then omoi approve {spec.Id} --gate design", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_SpecPlanning_SaysNothingAboutApproval()
    {
        var line = ProgressView.Describe(new SpecSnapshot(TestRecords.Spec(status: SpecStatus.Planning), NoTasks, [], TimeSpan.Zero));

        Assert.DoesNotContain("approve", line, StringComparison.Ordinal);
    }
}
