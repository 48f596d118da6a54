using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OmoiOs.Core.Domain;

/// <summary>
/// Deterministic record ids. Every id embeds its spec's 12-character key, so any id leads to its
/// spec's partition, and ids derived from planner keys make every write an idempotent upsert.
/// </summary>
public static class RecordIds
{
    public const int SpecKeyLength = 12;

    private const string SpecPrefix = "spec-";
    private const string RequirementPrefix = "req-";
    private const string CriterionPrefix = "crit-";
    private const string SpecTaskPrefix = "spec-task-";
    private const string TicketPrefix = "ticket-";
    private const string WorkTaskPrefix = "task-";

    // Longest first so that "spec-task-" is never read as a spec id.
    private static readonly string[] Prefixes =
        [SpecTaskPrefix, SpecPrefix, RequirementPrefix, CriterionPrefix, TicketPrefix, WorkTaskPrefix];

    public static string NewSpecId(Guid seed) => SpecPrefix + seed.ToString("N")[..SpecKeyLength];

    public static string Requirement(string specId, string requirementKey) =>
        $"{RequirementPrefix}{KeyOf(specId)}-{Slug(requirementKey)}";

    public static string Criterion(string specId, string requirementKey, int ordinal) =>
        $"{CriterionPrefix}{KeyOf(specId)}-{Slug(requirementKey)}-{ordinal}";

    public static string SpecTask(string specId, string taskKey) =>
        $"{SpecTaskPrefix}{KeyOf(specId)}-{Slug(taskKey)}";

    public static string Ticket(string specId) => TicketPrefix + KeyOf(specId);

    public static string WorkTask(string specId, string taskKey) =>
        $"{WorkTaskPrefix}{KeyOf(specId)}-{Slug(taskKey)}";

    public static bool IsSpecId(string? id) =>
        id is not null && id.StartsWith(SpecPrefix, StringComparison.Ordinal) && !id.StartsWith(SpecTaskPrefix, StringComparison.Ordinal)
        && id.Length == SpecPrefix.Length + SpecKeyLength && IsKey(id.AsSpan(SpecPrefix.Length));

    /// <summary>The spec an id belongs to, or false when the id is not one of ours.</summary>
    public static bool TryGetSpecId(string? id, [NotNullWhen(true)] out string? specId)
    {
        specId = null;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        foreach (var prefix in Prefixes)
        {
            if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length < prefix.Length + SpecKeyLength)
            {
                continue;
            }

            var key = id.AsSpan(prefix.Length, SpecKeyLength);
            var rest = id.AsSpan(prefix.Length + SpecKeyLength);
            if (IsKey(key) && (prefix == SpecPrefix ? rest.IsEmpty : prefix == TicketPrefix ? rest.IsEmpty : rest.StartsWith("-")))
            {
                specId = SpecPrefix + key.ToString();
                return true;
            }

            return false;
        }

        return false;
    }

    private static string KeyOf(string specId)
    {
        if (!IsSpecId(specId))
        {
            throw new ArgumentException($"'{specId}' is not a spec id (spec- followed by {SpecKeyLength} lowercase letters or digits).", nameof(specId));
        }

        return specId[SpecPrefix.Length..];
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return key.Length == SpecKeyLength;
    }

    private static string Slug(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var builder = new StringBuilder(key.Length);
        foreach (var c in key.Trim())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.ToString();
    }
}
