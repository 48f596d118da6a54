namespace Microsoft.DurableTask;

/// <summary>The version of an orchestration; compares ignoring case.</summary>
public readonly struct TaskVersion : IEquatable<TaskVersion>
{
    public TaskVersion(string version)
    {
        Version = version;
    }

    public string Version { get; }

    public static implicit operator string(TaskVersion value) => value.Version;

    public static implicit operator TaskVersion(string value) => new(value);

    public static bool operator ==(TaskVersion a, TaskVersion b) => a.Equals(b);

    public static bool operator !=(TaskVersion a, TaskVersion b) => !a.Equals(b);

    public bool Equals(TaskVersion other) => string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is TaskVersion other && Equals(other);

    public override int GetHashCode() => Version is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Version);
}
