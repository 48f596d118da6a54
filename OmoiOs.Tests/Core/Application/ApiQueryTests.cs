using OmoiOs.Core.Application;
using OmoiOs.Core.Export;

namespace OmoiOs.Tests.Core.Application;

public sealed class ApiQueryTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    public void PageSize_AbsentOrInRange_IsTheValueOrTheDefault(string? text, int expected) =>
        Assert.Equal(expected, ApiQuery.PageSize(text));

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("2.5")]
    [InlineData("all")]
    public void PageSize_Malformed_Throws400NamingPageSize(string text) =>
        AssertNames("pageSize", () => ApiQuery.PageSize(text));

    [Theory]
    [InlineData(null, 0)]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    public void After_AbsentOrWhole_IsTheValueOrZero(string? text, long expected) =>
        Assert.Equal(expected, ApiQuery.After(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    public void After_Malformed_Throws400NamingAfter(string text) =>
        AssertNames("after", () => ApiQuery.After(text));

    [Theory]
    [InlineData(null, null)]
    [InlineData("spec-0123456789ab", "spec-0123456789ab")]
    public void SpecId_AbsentOrASpecId_IsTheValue(string? text, string? expected) =>
        Assert.Equal(expected, ApiQuery.SpecId(text));

    [Theory]
    [InlineData("ticket-0123456789ab")]
    [InlineData("spec-task-0123456789ab-tsk-001")]
    public void SpecId_OtherId_Throws400NamingSpecId(string text) =>
        AssertNames("specId", () => ApiQuery.SpecId(text));

    [Theory]
    [InlineData(null, SpecExportFormat.Kiro)]
    [InlineData("kiro", SpecExportFormat.Kiro)]
    [InlineData("speckit", SpecExportFormat.Speckit)]
    public void ExportFormat_AbsentOrKnown_IsTheFormatOrKiro(string? text, SpecExportFormat expected) =>
        Assert.Equal(expected, ApiQuery.ExportFormat(text));

    [Theory]
    [InlineData("Kiro")]
    [InlineData("pdf")]
    public void ExportFormat_Unknown_Throws400NamingFormat(string text) =>
        AssertNames("format", () => ApiQuery.ExportFormat(text));

    [Theory]
    [InlineData(".kiro/specs/greeting/design.md")]
    [InlineData("design.md")]
    [InlineData("greeting/design.md")]
    public void ExportFile_PathOrItsLastSegments_FindsTheFile(string name)
    {
        var files = new[] { new ExportFile(".kiro/specs/greeting/requirements.md", "r"), new ExportFile(".kiro/specs/greeting/design.md", "d") };

        Assert.Equal("d", ApiQuery.ExportFile(files, name).Content);
    }

    [Fact]
    public void ExportFile_UnknownName_Throws400ListingTheFiles()
    {
        var files = new[] { new ExportFile("specs/requirements.md", "r") };

        var thrown = Assert.Throws<ApiProblemException>(() => ApiQuery.ExportFile(files, "esign.md"));

        Assert.Equal(["file"], thrown.Problem.Errors!.Keys);
        Assert.Contains("specs/requirements.md", thrown.Problem.Detail, StringComparison.Ordinal);
    }

    private static void AssertNames(string parameter, Func<object?> read)
    {
        var thrown = Assert.Throws<ApiProblemException>(() => read());
        Assert.Equal(400, thrown.Problem.Status);
        Assert.Equal([parameter], thrown.Problem.Errors!.Keys);
    }
}
