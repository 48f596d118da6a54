namespace Microsoft.DurableTask;

/// <summary>The name of an orchestrator or activity; converts to and from <see cref="string"/>, compares ignoring case.</summary>
public readonly struct TaskName : IEquatable<TaskName>
{
    public TaskName(string name)
    {
        // A null name gives the default struct, as in the real package.
        Name = name!;
#pragma warning disable CS0618 // Version is obsolete in the real package too
        Version = name is null ? null! : string.Empty;
#pragma warning restore CS0618
    }

    public string Name { get; }

    [Obsolete("Refer to TaskVersion instead.")]
    public string Version { get; }

    public static implicit operator string(TaskName value) => value.Name;

    public static implicit operator TaskName(string value) => string.IsNullOrEmpty(value) ? default : new TaskName(value);

    public static bool operator ==(TaskName a, TaskName b) => a.Equals(b);

    public static bool operator !=(TaskName a, TaskName b) => !a.Equals(b);

    public bool Equals(TaskName other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    public override int GetHashCode() => Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    public override string ToString()
    {
#pragma warning disable CS0618 // Version is obsolete in the real package too
        return string.IsNullOrEmpty(Version) ? Name : Name + ":" + Version;
#pragma warning restore CS0618
    }
}
