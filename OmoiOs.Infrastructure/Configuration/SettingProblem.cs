namespace OmoiOs.Infrastructure.Configuration;

/// <summary>One setting that is missing or wrong, and what to do about it.</summary>
public sealed record SettingProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
