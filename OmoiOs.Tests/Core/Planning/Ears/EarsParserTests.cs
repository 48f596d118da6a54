using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Ears;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Tests.Core.Planning.Ears;

public sealed class EarsParserTests
{
    /// <summary>text, pattern, system (null: none found), condition, findings (rule names in position order).</summary>
    public static TheoryData<string, EarsPattern, string?, string, string> Requirements => new()
    {
        // Well-formed, one per template.
        { "The system shall log every failed sign-in attempt with its timestamp and source IP.", EarsPattern.Ubiquitous, "The system", "", "" },
        { "The API gateway shall reject requests larger than 1 MB with status 413.", EarsPattern.Ubiquitous, "The API gateway", "", "" },
        { "The system shall not store passwords in plain text.", EarsPattern.Ubiquitous, "The system", "", "" },
        { "When the user clicks \"Save\", the editor shall persist the draft within 500 ms.", EarsPattern.EventDriven, "the editor", "When the user clicks \"Save\"", "" },
        { "When a pull request is opened, the CI service shall run the unit tests.", EarsPattern.EventDriven, "the CI service", "When a pull request is opened", "" },
        { "when the timer expires, the system shall send a reminder email.", EarsPattern.EventDriven, "the system", "when the timer expires", "" },
        { "When the user presses 'Cancel', the dialog shall close without saving.", EarsPattern.EventDriven, "the dialog", "When the user presses 'Cancel'", "" },
        { "When the user logs in and then logs out, the system shall clear the cache.", EarsPattern.EventDriven, "the system", "When the user logs in and then logs out", "" },
        { "When the user enters a name, an email, and a password, the system shall create the account.", EarsPattern.EventDriven, "the system", "When the user enters a name, an email, and a password", "" },
        { "When the job finishes, the scheduler of the cluster shall release its slot.", EarsPattern.EventDriven, "the scheduler of the cluster", "When the job finishes", "" },
        { "When the build fails then the pipeline shall notify the author.", EarsPattern.EventDriven, "the pipeline", "When the build fails", "" },
        { "While the device is offline, the mobile app shall queue outgoing messages locally.", EarsPattern.StateDriven, "the mobile app", "While the device is offline", "" },
        { "While a backup is running, the database shall reject schema migrations.", EarsPattern.StateDriven, "the database", "While a backup is running", "" },
        { "WHILE THE PRINTER IS OFFLINE, THE SPOOLER SHALL HOLD PRINT JOBS.", EarsPattern.StateDriven, "THE SPOOLER", "WHILE THE PRINTER IS OFFLINE", "" },
        { "Where the organisation has SSO enabled, the login page shall show the SSO button.", EarsPattern.OptionalFeature, "the login page", "Where the organisation has SSO enabled", "" },
        { "Where the premium plan is enabled, the system shall allow up to 10 projects per user.", EarsPattern.OptionalFeature, "the system", "Where the premium plan is enabled", "" },
        { "If the payment provider returns an error, then the checkout service shall show the error code to the user.", EarsPattern.UnwantedBehaviour, "the checkout service", "If the payment provider returns an error", "" },
        { "If the session token has expired, then the API shall respond with status 401.", EarsPattern.UnwantedBehaviour, "the API", "If the session token has expired", "" },
        { "If the disk usage exceeds 90%, then the monitor shall raise an alert.", EarsPattern.UnwantedBehaviour, "the monitor", "If the disk usage exceeds 90%", "" },
        { "While the user is signed in, when the session is idle for 30 minutes, the system shall sign the user out.", EarsPattern.Complex, "the system", "While the user is signed in, when the session is idle for 30 minutes", "" },
        { "Where audit logging is enabled, when an admin changes a role, the system shall record the old and new role.", EarsPattern.Complex, "the system", "Where audit logging is enabled, when an admin changes a role", "" },
        { "While the queue is full, if a new job arrives, then the scheduler shall reject the job with a retry hint.", EarsPattern.Complex, "the scheduler", "While the queue is full, if a new job arrives", "" },
        { "The CLI shall print \"When ready, press Enter\" on start.", EarsPattern.Ubiquitous, "The CLI", "", "" },

        // Kiro forms.
        { "WHEN a user submits the registration form THEN the system SHALL validate every field.", EarsPattern.EventDriven, "the system", "WHEN a user submits the registration form", "" },
        { "IF the email address is already registered THEN the system SHALL display an error message.", EarsPattern.UnwantedBehaviour, "the system", "IF the email address is already registered", "" },
        { "WHEN the user clicks logout THE SYSTEM SHALL end the session.", EarsPattern.EventDriven, "THE SYSTEM", "WHEN the user clicks logout", "" },
        { "WHEN the upload completes THE SYSTEM SHALL show a thumbnail", EarsPattern.EventDriven, "THE SYSTEM", "WHEN the upload completes", "" },
        { "WHEN the user selects a file AND the file is larger than 10 MB THEN the system SHALL reject the upload.", EarsPattern.EventDriven, "the system", "WHEN the user selects a file AND the file is larger than 10 MB", "" },

        // Defects.
        { "If the password is wrong, the system shall show an error.", EarsPattern.UnwantedBehaviour, "the system", "If the password is wrong", "if_without_then" },
        { "The system logs every request.", EarsPattern.Ubiquitous, null, "", "missing_shall" },
        { "The system should encrypt data at rest.", EarsPattern.Ubiquitous, "The system", "", "weak_modal" },
        { "When a file is uploaded, the scanner must check it for malware.", EarsPattern.EventDriven, "the scanner", "When a file is uploaded", "weak_modal" },
        { "When the user can access the page, the app will show a banner.", EarsPattern.EventDriven, "the app", "When the user can access the page", "weak_modal" },
        { "The service may cache responses for later.", EarsPattern.Ubiquitous, "The service", "", "weak_modal" },
        { "The system shall validate the input and shall store it.", EarsPattern.Ubiquitous, "The system", "", "multiple_shall" },
        { "The system shall respond quickly to user input.", EarsPattern.Ubiquitous, "The system", "", "vague_word" },
        { "The system shall retry failed uploads as appropriate.", EarsPattern.Ubiquitous, "The system", "", "vague_word" },
        { "The installer shall provide a user-friendly setup wizard.", EarsPattern.Ubiquitous, "The installer", "", "vague_word" },
        { "The exporter shall support CSV, JSON, XML, etc.", EarsPattern.Ubiquitous, "The exporter", "", "vague_word" },
        { "When the user logs in, shall record the login time.", EarsPattern.EventDriven, null, "When the user logs in", "missing_system" },
        { "When the user logs in shall record the login time.", EarsPattern.EventDriven, null, "When the user logs in", "missing_system" },
        { "The system shall.", EarsPattern.Ubiquitous, "The system", "", "empty_response" },
        { "When the user clicks save the system shall persist the draft.", EarsPattern.EventDriven, "the system", "When the user clicks save", "missing_comma" },
        { "When a build finishes OmoiOs shall merge the branch.", EarsPattern.EventDriven, "OmoiOs", "When a build finishes", "missing_comma" },
        { "When the invoice is paid the Billing Service shall send a receipt.", EarsPattern.EventDriven, "the Billing Service", "When the invoice is paid", "missing_comma" },
        { "When the user enters a name, email and password the system shall create the account.", EarsPattern.EventDriven, "the system", "When the user enters a name, email and password", "missing_comma" },
        { "After the user signs in, the system shall load the dashboard.", EarsPattern.Ubiquitous, "the system", "", "unknown_clause" },
        { "When the user saves, while offline, the app shall queue the change.", EarsPattern.Complex, "the app", "When the user saves, while offline", "clause_order" },
        { "When , the system shall refresh the list.", EarsPattern.EventDriven, "the system", "When", "empty_condition" },
        { "The user clicks the save button and then the editor shall store the draft.", EarsPattern.Ubiquitous, "The user clicks the save button and then the editor", "", "long_system_name" },
        { "If the upload fails the system should retry quickly.", EarsPattern.UnwantedBehaviour, "the system", "If the upload fails", "if_without_then,missing_comma,weak_modal,vague_word" },
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void Parse_Requirement_ClassifiesAndLints(string text, EarsPattern pattern, string? system, string condition, string findings)
    {
        var result = EarsParser.Parse(text);

        Assert.Equal(pattern, result.Pattern);
        Assert.Equal(system, result.System?.Text);
        Assert.Equal(condition, result.Condition);
        Assert.Equal(findings, string.Join(",", result.Findings.Select(f => f.Rule.ToWire())));
    }

    [Fact]
    public void Parse_EmptyText_ReportsEmptyText()
    {
        var result = EarsParser.Parse("  ");

        Assert.Equal(EarsRule.EmptyText, Assert.Single(result.Findings).Rule);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Parse_ComplexRequirement_SeparatesPreconditionsFromTriggers()
    {
        var result = EarsParser.Parse("Where backups are enabled, while the disk is healthy, when midnight arrives, the agent shall copy the database.");

        Assert.Equal(EarsPattern.Complex, result.Pattern);
        Assert.Equal([EarsKeyword.Where, EarsKeyword.While], result.Preconditions.Select(c => c.Keyword));
        Assert.Equal(["backups are enabled", "the disk is healthy"], result.Preconditions.Select(c => c.Condition.Text));
        Assert.Equal("midnight arrives", Assert.Single(result.Triggers).Condition.Text);
        Assert.Equal("copy the database", result.Response!.Text);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Parse_EventDriven_ResponseExcludesModalAndFullStop()
    {
        const string text = "When the user clicks \"Save\", the editor shall persist the draft within 500 ms.";

        var result = EarsParser.Parse(text);

        Assert.Equal("persist the draft within 500 ms", result.Response!.Text);
        Assert.Equal(text.IndexOf("persist", StringComparison.Ordinal), result.Response.Start);
        Assert.Equal("the user clicks \"Save\"", result.Triggers.Single().Condition.Text);
        Assert.Equal(text.IndexOf("the editor", StringComparison.Ordinal), result.System!.Start);
    }

    [Fact]
    public void Parse_VagueWord_ReportsItsPosition()
    {
        const string text = "The system shall respond quickly.";

        var finding = Assert.Single(EarsParser.Parse(text).Findings);

        Assert.Equal(EarsSeverity.Warning, finding.Severity);
        Assert.Equal(text.IndexOf("quickly", StringComparison.Ordinal), finding.Start);
        Assert.Equal("quickly".Length, finding.Length);
        Assert.Equal("\"quickly\" is vague: replace it with a measurable criterion", finding.Message);
    }

    [Fact]
    public void Parse_VaguePhrase_ReportsTheWholePhraseOnce()
    {
        const string text = "The system shall compress images as far as possible.";

        var finding = Assert.Single(EarsParser.Parse(text).Findings);

        Assert.Equal("as far as possible", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Parse_IfWithoutThen_IsAnErrorAtTheKeyword()
    {
        var finding = Assert.Single(EarsParser.Parse("Later: If the disk is full, the agent shall stop.").Findings, f => f.Rule == EarsRule.IfWithoutThen || f.Rule == EarsRule.UnknownClause);

        Assert.Equal(EarsRule.UnknownClause, finding.Rule);

        var unwanted = EarsParser.Parse("If the disk is full, the agent shall stop.");
        var error = Assert.Single(unwanted.Findings);
        Assert.Equal(EarsRule.IfWithoutThen, error.Rule);
        Assert.Equal(EarsSeverity.Error, error.Severity);
        Assert.Equal(0, error.Start);
        Assert.True(unwanted.HasErrors);
    }

    [Fact]
    public void Parse_MultipleShall_PointsAtTheSecond()
    {
        const string text = "The system shall validate the input and shall store it.";

        var finding = Assert.Single(EarsParser.Parse(text).Findings);

        Assert.Equal(text.LastIndexOf("shall", StringComparison.Ordinal), finding.Start);
        Assert.Equal("2 occurrences of \"shall\": state one behaviour per requirement and split the rest out", finding.Message);
    }

    [Fact]
    public void Parse_TriggerWithoutComma_SystemDoesNotSwallowTheTrigger()
    {
        var result = EarsParser.Parse("When the user uploads a file larger than the limit the system shall reject it.");

        Assert.Equal("the system", result.System!.Text);
        Assert.Equal("the user uploads a file larger than the limit", result.Triggers.Single().Condition.Text);
        var warning = Assert.Single(result.Findings);
        Assert.Equal(EarsRule.MissingComma, warning.Rule);
        Assert.Equal("no comma ends the condition; the system was read as \"the system\"", warning.Message);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Parse_WeakModalInCondition_IsNotTakenAsTheMainModal()
    {
        var result = EarsParser.Parse("When the user can access the page, the app shall show a banner.");

        Assert.Empty(result.Findings);
        Assert.Equal("show a banner", result.Response!.Text);
    }

    [Fact]
    public void Parse_KeywordInsideQuotes_IsNotAClause()
    {
        var result = EarsParser.Parse("The bot shall reply \"If you need help, then ask\" to every greeting.");

        Assert.Equal(EarsPattern.Ubiquitous, result.Pattern);
        Assert.Empty(result.Clauses);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Parse_RandomWordSoup_NeverThrowsAndKeepsSpansInsideTheText()
    {
        string[] vocabulary = ["when", "WHILE", "if", "where", "then", "THEN", "the", "system", "shall", "should", ",", ".", "\"", "'", "user", "OmoiOs", "and", "quickly", "as", "appropriate", ";", "can"];
        var random = new Random(20240611);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(0, 14)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

            var result = EarsParser.Parse(text);

            Assert.All(result.Findings, f => Assert.InRange(f.Start + f.Length, 0, text.Length));
            Assert.All(result.Clauses, c => Assert.Equal(c.Condition.Text, text.Substring(c.Condition.Start, c.Condition.Length)));
            Assert.True(result.System is null || result.System.Text == text.Substring(result.System.Start, result.System.Length));
            Assert.True(result.Response is null || result.Response.Text == text.Substring(result.Response.Start, result.Response.Length));
            Assert.NotNull(result.Condition);
        }
    }
}
