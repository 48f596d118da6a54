namespace OmoiOs.Infrastructure.Storage;

/// <summary>
/// Row keys of the records table. Every record of a spec lives in the spec's partition, told apart by a
/// kind prefix, so that one spec is one partition query and one state change can be one transaction.
/// </summary>
internal static class RowKeys
{
    public const string Spec = "spec";
    public const string EventHead = "event-head";
    public const string RequirementPrefix = "req|";
    public const string CriterionPrefix = "crit|";
    public const string SpecTaskPrefix = "stask|";
    public const string TicketPrefix = "ticket|";
    public const string WorkTaskPrefix = "task|";
    public const string EventPrefix = "event|";
    public const string TextPrefix = "text|";

    public static string Requirement(string id) => RequirementPrefix + id;

    public static string Criterion(string id) => CriterionPrefix + id;

    public static string SpecTask(string id) => SpecTaskPrefix + id;

    public static string Ticket(string id) => TicketPrefix + id;

    public static string WorkTask(string id) => WorkTaskPrefix + id;

    public static string Event(long sequence) => EventPrefix + sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    public static string TextHead(string key) => $"{TextPrefix}{key}";

    /// <summary>An OData filter for the rows whose key starts with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string prefix) =>
        $"RowKey ge '{Escape(prefix)}' and RowKey lt '{Escape(prefix[..^1] + (char)(prefix[^1] + 1))}'";

    public static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
