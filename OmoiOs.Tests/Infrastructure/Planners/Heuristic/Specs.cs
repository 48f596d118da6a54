namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

/// <summary>Spec texts the heuristic planner is tested on: the quick start's, and differently shaped ones.</summary>
internal static class Specs
{
    public const string GreetingTitle = "Configurable greeting";

    public static string Greeting => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "specs", "greeting-feature.md"));

    public const string ExportTitle = "CSV export of greetings";

    public const string Export = """
        Users should be able to export every greeting they sent as a CSV file.
        The export must be fast and easy to use. Add a Greeting record with a name, message and created_at.
        Expose it through GET /api/greetings/export and require an authenticated caller.
        If the export fails, the system should retry it up to 3 times and then report the error.
        While an export is running, a second export request is rejected.
        Should we zip large exports?
        """;

    public const string AuditTitle = "Audit log";

    public const string Audit = """
        ## Requirements
        1. Every change to the greeting configuration is written to an audit log.
        2. Where audit logging is disabled by an administrator, no audit entries are written.
        3. The audit log never contains secrets or tokens.
        4. Audit entries older than 90 days are deleted once a day.

        ## Out of scope
        - A user interface for browsing the log
        """;

    public const string OneLinerTitle = "Shout";

    public const string OneLiner = "Add a --shout flag that prints the greeting in capitals";
}
