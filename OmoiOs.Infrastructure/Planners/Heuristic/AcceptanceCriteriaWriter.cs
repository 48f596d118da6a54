using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Writes the acceptance criteria of one requirement from its EARS draft: the behaviour under its condition,
/// the behaviour without it (or the test that proves it), and a check per number, limit or option the statement names.
/// Never fewer than two, never more than <see cref="MaxCriteria"/>.
/// </summary>
public static partial class AcceptanceCriteriaWriter
{
    public const int MaxCriteria = 6;

    [GeneratedRegex(@"\b(?:longer than|more than|greater than|exceeds?|over|at most|up to|maximum of|no more than|max(?:imum)?)\s+(?<n>\d+)\s+(?<unit>[a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UpperLimit();

    [GeneratedRegex(@"\b(?:shorter than|fewer than|less than|at least|minimum of|min(?:imum)?)\s+(?<n>\d+)\s+(?<unit>[a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LowerLimit();

    [GeneratedRegex(@"\b(?:exit(?:s|ing)?(?:\s+with)?|status|return|error)\s+(?:code|status)\s+(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExitCode();

    [GeneratedRegex(@"\bwithin\s+(?<n>\d+)\s+(?<unit>milliseconds?|ms|seconds?|minutes?)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeLimit();

    [GeneratedRegex(@"`(?<option>--?[A-Za-z][\w-]*)`|(?<![\w-])(?<option>--[a-z][\w-]+)")]
    private static partial Regex CommandLineOption();

    [GeneratedRegex(@"`(?<name>[A-Z][A-Z0-9_]{2,})`")]
    private static partial Regex EnvironmentVariable();

    public static IReadOnlyList<string> Write(EarsDraft draft, bool extraTestCriterion = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var behaviour = EarsWriter.PresentTense(draft.Response);
        var observable = behaviour.StartsWith("ensures that ", StringComparison.Ordinal)
            ? Words.Capitalize(behaviour["ensures that ".Length..])
            : $"{Words.Capitalize(draft.System)} {behaviour}";
        var criteria = new List<string>
        {
            draft.Pattern == EarsPattern.Ubiquitous
                ? $"{observable}, shown by an automated test with valid input."
                : $"Given {draft.Trigger}: {Words.Decapitalize(observable)}.",
            draft.Pattern == EarsPattern.Ubiquitous || behaviour.StartsWith("ensures that ", StringComparison.Ordinal)
                ? $"An automated test in the repository's test suite fails when this behaviour is removed."
                : draft.Response.StartsWith("not ", StringComparison.Ordinal)
                    ? $"Without the condition ({draft.Trigger}), {draft.System} {EarsWriter.PresentTense(draft.Response[4..])}; the existing tests keep passing."
                    : $"Without the condition ({draft.Trigger}), {draft.System} does not {Words.Decapitalize(draft.Response)}; the existing tests keep passing.",
        };

        var text = draft.Text;
        foreach (Match match in UpperLimit().Matches(text))
        {
            var n = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value;
            criteria.Add(Words.Invariant($"A value of exactly {n} {unit} is accepted and a value of {n + 1} {unit} is rejected."));
        }

        foreach (Match match in LowerLimit().Matches(text))
        {
            var n = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value;
            criteria.Add(Words.Invariant($"A value of exactly {n} {unit} is accepted and a value of {Math.Max(0, n - 1)} {unit} is rejected."));
        }

        foreach (Match match in ExitCode().Matches(text))
        {
            criteria.Add($"The process exit code is exactly {match.Groups["n"].Value} in that case, and 0 on success.");
        }

        foreach (Match match in TimeLimit().Matches(text))
        {
            criteria.Add($"Measured over 10 consecutive runs, every run completes within {match.Groups["n"].Value} {match.Groups["unit"].Value}.");
        }

        foreach (var option in CommandLineOption().Matches(text).Select(m => m.Groups["option"].Value).Distinct(StringComparer.Ordinal))
        {
            criteria.Add($"The `{option}` option is accepted by the command line and listed in its help output.");
        }

        foreach (var name in EnvironmentVariable().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            criteria.Add($"A test sets `{name}` in the process environment and observes its effect; with `{name}` unset the default applies.");
        }

        if (extraTestCriterion)
        {
            criteria.Insert(2, "Each of these criteria has its own automated test, named after the behaviour it checks.");
        }

        return criteria.Distinct(StringComparer.Ordinal).Take(MaxCriteria).ToList();
    }
}
