using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Core.Planning;

public sealed class PlanningKeysTests
{
    [Theory]
    [InlineData("REQ-AUTH-FUNC-001", true)]
    [InlineData("REQ-USER-PROFILE-SEC-012", true)]
    [InlineData("REQ-A2-CON-1000", true)]
    [InlineData("REQ-FUNC-001", false)]
    [InlineData("REQ-AUTH-FEAT-001", false)]
    [InlineData("REQ-AUTH-FUNC-01", false)]
    [InlineData("req-auth-func-001", false)]
    [InlineData("REQ-AUTH-FUNC-001 ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsRequirementKey_Key_MatchesFormat(string? key, bool expected)
    {
        Assert.Equal(expected, PlanningKeys.IsRequirementKey(key));
    }

    [Theory]
    [InlineData("TSK-001", true)]
    [InlineData("TSK-1234", true)]
    [InlineData("TSK-01", false)]
    [InlineData("TASK-001", false)]
    [InlineData("tsk-001", false)]
    public void IsTaskKey_Key_MatchesFormat(string key, bool expected)
    {
        Assert.Equal(expected, PlanningKeys.IsTaskKey(key));
    }

    [Theory]
    [InlineData("REQ-AUTH-FUNC-001", RequirementCategory.Functional)]
    [InlineData("REQ-AUTH-PERF-001", RequirementCategory.Performance)]
    [InlineData("REQ-AUTH-SEC-001", RequirementCategory.Security)]
    [InlineData("REQ-AUTH-USE-001", RequirementCategory.Usability)]
    [InlineData("REQ-AUTH-REL-001", RequirementCategory.Reliability)]
    [InlineData("REQ-AUTH-CON-001", RequirementCategory.Constraint)]
    public void TryGetCategory_Key_ReturnsTheNamedCategory(string key, RequirementCategory expected)
    {
        Assert.True(PlanningKeys.TryGetCategory(key, out var category));
        Assert.Equal(expected, category);
        Assert.Equal(key.Split('-')[2], PlanningKeys.CategoryCode(category));
    }
}
