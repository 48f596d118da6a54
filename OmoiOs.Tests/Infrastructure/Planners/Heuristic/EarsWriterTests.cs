using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class EarsWriterTests
{
    /// <summary>Statements as people write them, and the EARS sentence each must become.</summary>
    public static TheoryData<string, EarsPattern, string> Statements => new()
    {
        { "Users should be able to reset their password via email.", EarsPattern.Ubiquitous, "The system shall allow users to reset their password via email." },
        { "The API must respond quickly to search requests.", EarsPattern.Ubiquitous, "The API shall respond within 1 second to search requests." },
        { "When the user clicks save the form should be validated.", EarsPattern.EventDriven, "When the user clicks save, the system shall ensure that the form is validated." },
        { "If the upload fails, retry up to 3 times.", EarsPattern.UnwantedBehaviour, "If the upload fails, then the system shall retry up to 3 times." },
        { "Print an error if the name is empty.", EarsPattern.UnwantedBehaviour, "If the name is empty, then the system shall print an error." },
        { "While offline, queue all writes locally.", EarsPattern.StateDriven, "While offline, the system shall queue all writes locally." },
        { "Where the premium plan is enabled, show advanced charts.", EarsPattern.OptionalFeature, "Where the premium plan is enabled, the system shall show advanced charts." },
        { "The system shall log every failed login and shall lock the account after 5 failures.", EarsPattern.Ubiquitous, "The system shall log every failed login and lock the account after 5 failures." },
        { "Add a simple, user-friendly dashboard.", EarsPattern.Ubiquitous, "The system shall provide a dashboard." },
        { "Dark mode support", EarsPattern.Ubiquitous, "The system shall provide dark mode support." },
        { "After the user logs in, redirect them to the dashboard.", EarsPattern.EventDriven, "When the user logs in, the system shall redirect them to the dashboard." },
        { "During the nightly import, the service must not accept writes.", EarsPattern.StateDriven, "While the nightly import is in progress, the service shall not accept writes." },
        { "It should be fast and robust.", EarsPattern.Ubiquitous, "The system shall respond within 1 second." },
        { "WHEN the user submits the form THEN the system SHALL store the record.", EarsPattern.EventDriven, "When the user submits the form, the system shall store the record." },
        { "The service will minimize the number of database calls.", EarsPattern.Ubiquitous, "The service shall limit the number of database calls." },
        { "Support for CSV export is required.", EarsPattern.Ubiquitous, "The system shall provide support for CSV export." },
        { "The greeting can't be longer than 20 characters.", EarsPattern.Ubiquitous, "The system shall ensure that the greeting is not longer than 20 characters." },
        { "In case the config file is missing, the app falls back to defaults.", EarsPattern.UnwantedBehaviour, "If the config file is missing, then the app shall fall back to defaults." },
        { "Once a day, the job should purge expired sessions etc.", EarsPattern.Ubiquitous, "The job shall purge expired sessions once a day." },
        { "Let admins configure the retention period.", EarsPattern.Ubiquitous, "The system shall allow admins to configure the retention period." },
        { "Let users cap how long a slug gets.", EarsPattern.Ubiquitous, "The system shall allow users to cap how long a slug gets." },
        { "If `maxLength` is not a positive integer, `slugify` throws a TypeError naming the option.", EarsPattern.UnwantedBehaviour, "If `maxLength` is not a positive integer, then `slugify` shall throw a TypeError naming the option." },
        { "The TypeScript definitions in index.d.ts document the `maxLength` option.", EarsPattern.Ubiquitous, "The system shall ensure that the TypeScript definitions in index.d.ts document the `maxLength` option." },
        { "The returned slug is at most that many characters long.", EarsPattern.Ubiquitous, "The system shall ensure that the returned slug is at most that many characters long." },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Write_Statement_EarsSentenceInTheStatementsPattern(string statement, EarsPattern pattern, string expected)
    {
        var draft = EarsWriter.Write(statement);

        Assert.Equal(expected, draft.Text);
        Assert.Equal(pattern, draft.Pattern);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Write_Statement_ParsesWithoutAnyFinding(string statement, EarsPattern pattern, string expected)
    {
        _ = expected;

        var parsed = EarsParser.Parse(EarsWriter.Write(statement).Text);

        Assert.Empty(parsed.Findings);
        Assert.Equal(pattern, parsed.Pattern);
    }

    [Theory]
    [InlineData("The CLI, when asked, should print its version.")]
    [InlineData("If if if, then shall shall.")]
    [InlineData("should must will may can")]
    [InlineData("When , , ,")]
    [InlineData("The system shall")]
    [InlineData("fast robust simple easy")]
    public void Write_AwkwardStatement_StillParsesWithoutErrors(string statement)
    {
        var parsed = EarsParser.Parse(EarsWriter.Write(statement).Text);

        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Findings));
    }

    [Fact]
    public void Write_ConditionAndAction_SplitLikeTheParserReadsThem()
    {
        var draft = EarsWriter.Write("If the greeting word is empty, the command line prints an error and exits with code 2.");

        var parsed = EarsParser.Parse(draft.Text);
        Assert.Equal("If the greeting word is empty", draft.Condition);
        Assert.Equal(parsed.Condition, draft.Condition);
        Assert.Equal("print an error and exit with code 2", draft.Response);
        Assert.Equal(parsed.Response?.Text, draft.Response);
        Assert.Equal("the command line", draft.System);
    }

    [Fact]
    public void Write_VagueSpeed_NotedSoTheBoundCanBeReviewed()
    {
        var draft = EarsWriter.Write("Search results load quickly.");

        Assert.Contains(draft.Notes, n => n.Contains("within 1 second", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("print an error and exit with code 2", "prints an error and exits with code 2")]
    [InlineData("not accept writes", "does not accept writes")]
    [InlineData("ensure that the form is valid", "ensures that the form is valid")]
    public void PresentTense_Response_ThirdPersonVerbs(string response, string expected)
    {
        Assert.Equal(expected, EarsWriter.PresentTense(response));
    }
}
