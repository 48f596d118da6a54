using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Configuration;

/// <summary>The host cannot start: its settings are incomplete or contradict each other.</summary>
public sealed class InvalidSettingsException(SettingsProfile profile, IReadOnlyList<SettingProblem> problems)
    : OmoiException(Describe(profile, problems))
{
    public SettingsProfile Profile { get; } = profile;

    public IReadOnlyList<SettingProblem> Problems { get; } = problems;

    private static string Describe(SettingsProfile profile, IReadOnlyList<SettingProblem> problems) =>
        $"OmoiOs cannot start ({profile} settings): {problems.Count} setting(s) to fix:"
        + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"));
}
