using System.Globalization;
using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Planning;

/// <summary>The planner's keys: <c>REQ-&lt;FEATURE&gt;-&lt;FUNC|PERF|SEC|USE|REL|CON&gt;-NNN</c> and <c>TSK-NNN</c>.</summary>
public static partial class PlanningKeys
{
    public const string RequirementKeyFormat = "REQ-<FEATURE>-<FUNC|PERF|SEC|USE|REL|CON>-NNN";

    public const string TaskKeyFormat = "TSK-NNN";

    public static bool IsRequirementKey(string? key) => key is not null && RequirementKey().IsMatch(key);

    public static bool IsTaskKey(string? key) => key is not null && TaskKey().IsMatch(key);

    /// <summary>The number a well-formed task key carries (<c>TSK-007</c> is 7).</summary>
    public static bool TryGetTaskNumber(string? key, out int number)
    {
        number = 0;
        return IsTaskKey(key) && int.TryParse(key.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static string CategoryCode(RequirementCategory category) => category switch
    {
        RequirementCategory.Functional => "FUNC",
        RequirementCategory.Performance => "PERF",
        RequirementCategory.Security => "SEC",
        RequirementCategory.Usability => "USE",
        RequirementCategory.Reliability => "REL",
        RequirementCategory.Constraint => "CON",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The category a well-formed requirement key names.</summary>
    public static bool TryGetCategory(string? key, out RequirementCategory category)
    {
        category = default;
        if (key is null || RequirementKey().Match(key) is not { Success: true } match)
        {
            return false;
        }

        category = Enum.GetValues<RequirementCategory>().First(c => CategoryCode(c) == match.Groups["category"].Value);
        return true;
    }

    [GeneratedRegex(@"^REQ-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-(?<category>FUNC|PERF|SEC|USE|REL|CON)-[0-9]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex RequirementKey();

    [GeneratedRegex("^TSK-[0-9]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaskKey();
}
