using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Evaluation;

namespace OmoiOs.Tests.Core.Planning.Evaluation;

public sealed class CheckListTests
{
    [Fact]
    public void Build_PartialItemCheck_EarnsItsShareOfTheWeight()
    {
        var checks = new CheckList();
        checks.Add("items", hard: false, weight: 2, total: 4, problems: ["a is bad"], passedDetail: "ok");
        checks.Add("flag", hard: false, weight: 2, passed: true, detail: "ok");

        var evaluation = checks.Build(SpecPhase.Tasks);

        Assert.Equal(0.875, evaluation.Score);
        Assert.True(evaluation.Passed);
        Assert.Equal("- [soft] items: a is bad", evaluation.Feedback);
    }

    [Fact]
    public void Build_FailedHardCheck_FailsDespiteHighScore()
    {
        var checks = new CheckList();
        checks.Add("big", hard: false, weight: 10, passed: true, detail: "ok");
        checks.Add("gate", hard: true, weight: 1, passed: false, detail: "closed");

        var evaluation = checks.Build(SpecPhase.Design);

        Assert.True(evaluation.Score > 0.9);
        Assert.False(evaluation.Passed);
    }

    [Fact]
    public void List_MoreThanTenItems_SaysHowManyMore()
    {
        var items = Enumerable.Range(1, 13).Select(i => $"p{i}").ToList();

        Assert.Equal("p1; p2; p3; p4; p5; p6; p7; p8; p9; p10; and 3 more", CheckList.List(items));
    }
}
