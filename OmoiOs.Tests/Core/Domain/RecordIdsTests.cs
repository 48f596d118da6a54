using OmoiOs.Core.Domain;

namespace OmoiOs.Tests.Core.Domain;

public sealed class RecordIdsTests
{
    private const string SpecId = "spec-7f3a9c21e0b4";

    [Fact]
    public void NewSpecId_FromAGuid_IsSpecDashTwelveHex()
    {
        var id = RecordIds.NewSpecId(Guid.Parse("7f3a9c21-e0b4-4d7e-9a61-0c2b3f4e5d6a"));

        Assert.Equal(SpecId, id);
        Assert.True(RecordIds.IsSpecId(id));
    }

    [Fact]
    public void DerivedIds_SameInputs_AreIdentical()
    {
        Assert.Equal(RecordIds.SpecTask(SpecId, "TSK-001"), RecordIds.SpecTask(SpecId, "TSK-001"));
        Assert.Equal("spec-task-7f3a9c21e0b4-tsk-001", RecordIds.SpecTask(SpecId, "TSK-001"));
        Assert.Equal("task-7f3a9c21e0b4-tsk-001", RecordIds.WorkTask(SpecId, "TSK-001"));
        Assert.Equal("req-7f3a9c21e0b4-req-greet-func-001", RecordIds.Requirement(SpecId, "REQ-GREET-FUNC-001"));
        Assert.Equal("crit-7f3a9c21e0b4-req-greet-func-001-2", RecordIds.Criterion(SpecId, "REQ-GREET-FUNC-001", 2));
        Assert.Equal("ticket-7f3a9c21e0b4", RecordIds.Ticket(SpecId));
    }

    [Fact]
    public void DerivedIds_DifferentSpecs_NeverCollide() =>
        Assert.NotEqual(RecordIds.WorkTask(SpecId, "TSK-001"), RecordIds.WorkTask("spec-000000000000", "TSK-001"));

    [Theory]
    [InlineData("spec-7f3a9c21e0b4")]
    [InlineData("spec-task-7f3a9c21e0b4-tsk-001")]
    [InlineData("task-7f3a9c21e0b4-tsk-001")]
    [InlineData("req-7f3a9c21e0b4-req-greet-func-001")]
    [InlineData("crit-7f3a9c21e0b4-req-greet-func-001-2")]
    [InlineData("ticket-7f3a9c21e0b4")]
    public void TryGetSpecId_AnyDerivedId_LeadsToItsSpec(string id)
    {
        Assert.True(RecordIds.TryGetSpecId(id, out var specId));
        Assert.Equal(SpecId, specId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("spec-")]
    [InlineData("spec-7F3A9C21E0B4")]
    [InlineData("spec-7f3a9c21e0b4x")]
    [InlineData("task-7f3a9c21")]
    [InlineData("unknown-7f3a9c21e0b4")]
    [InlineData("ticket-7f3a9c21e0b4-extra")]
    public void TryGetSpecId_ForeignOrMalformedId_IsFalse(string id) =>
        Assert.False(RecordIds.TryGetSpecId(id, out _));

    [Fact]
    public void SpecTask_WithAMalformedSpecId_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordIds.SpecTask("not-a-spec", "TSK-001"));

        Assert.Equal("specId", error.ParamName);
    }
}
