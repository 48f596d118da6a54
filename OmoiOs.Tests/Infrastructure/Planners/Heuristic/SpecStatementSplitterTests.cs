using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class SpecStatementSplitterTests
{
    [Fact]
    public void Split_BulletsAndSentences_OneStatementEach()
    {
        var statements = SpecStatementSplitter.Split("""
            Let users pick a colour theme. The choice persists between sessions.

            - The settings page lists three themes.
            - When a theme is picked, the page re-renders
              without a reload.
            """);

        Assert.Equal(
            ["Let users pick a colour theme", "The choice persists between sessions", "The settings page lists three themes", "When a theme is picked, the page re-renders without a reload"],
            statements.Requirements);
    }

    [Theory]
    [InlineData(
        "- The `slugify` function accepts a `maxLength` option; when it is given, the returned slug is at most that many characters long.",
        new[] { "The `slugify` function accepts a `maxLength` option", "When it is given, the returned slug is at most that many characters long" })]
    [InlineData("- Print an error; if the name is empty, exit with code 2.", new[] { "Print an error", "If the name is empty, exit with code 2" })]
    [InlineData("- Keep the log; rotate it daily.", new[] { "Keep the log; rotate it daily" })]
    [InlineData("- Exit with code 2; if possible print the reason.", new[] { "Exit with code 2; if possible print the reason" })]
    public void Split_ConditionAfterASemicolon_StartsAStatementOfItsOwn(string text, string[] expected)
    {
        Assert.Equal(expected, SpecStatementSplitter.Split(text).Requirements);
    }

    [Fact]
    public void Split_OutOfScopeAndQuestions_RoutedAway()
    {
        var statements = SpecStatementSplitter.Split("""
            # Export
            Export the report as CSV.
            Should PDF follow later?

            Out of scope: exporting charts as images.

            ## Non-goals
            - Scheduling exports by e-mail
            """);

        Assert.Equal(["Export the report as CSV"], statements.Requirements);
        Assert.Equal(["exporting charts as images", "Scheduling exports by e-mail"], statements.OutOfScope);
        Assert.Equal(["Should PDF follow later?"], statements.Questions);
    }

    [Fact]
    public void Split_CodeBlocksHeadingsAndShortLines_Ignored()
    {
        var statements = SpecStatementSplitter.Split("""
            # Title heading
            Done.
            ```
            The code block line is not a requirement.
            ```
            The service returns the total, e.g. 42, in the response.
            The service returns the total, e.g. 42, in the response.
            """);

        Assert.Equal(["The service returns the total, for example 42, in the response"], statements.Requirements);
    }

    [Fact]
    public void Split_MoreThanTheCap_KeepsTheFirstAndCountsTheRest()
    {
        var description = string.Join("\n", Enumerable.Range(1, SpecStatementSplitter.MaxStatements + 7).Select(i => $"- The system stores record number {i}."));

        var statements = SpecStatementSplitter.Split(description);

        Assert.Equal(SpecStatementSplitter.MaxStatements, statements.Requirements.Count);
        Assert.Equal(7, statements.Omitted);
        Assert.Equal("The system stores record number 1", statements.Requirements[0]);
    }

    [Fact]
    public void Split_VeryLongSentence_CutAtAWordBoundary()
    {
        var description = "The importer accepts " + string.Join(" ", Enumerable.Repeat("column", 200)) + ".";

        var statements = SpecStatementSplitter.Split(description);

        var statement = Assert.Single(statements.Requirements);
        Assert.True(statement.Length <= SpecStatementSplitter.MaxStatementLength);
        Assert.EndsWith("column", statement, StringComparison.Ordinal);
        Assert.Equal(1, statements.Shortened);
    }
}
