using OmoiOs.Core.Domain;

namespace OmoiOs.Core.Execution;

/// <summary>
/// Branch names of a spec's work. Git cannot hold both <c>omoi/spec-x</c> and <c>omoi/spec-x/tsk-001</c> (a ref cannot be a
/// file and a directory), so task branches live beside the spec branch: <c>omoi/spec-x-tasks/tsk-001</c>.
/// </summary>
public static class TaskBranchNames
{
    /// <summary>The spec branch: the spec's own <see cref="Spec.Branch"/>, else <c>omoi/&lt;spec id&gt;</c>.</summary>
    public static string ForSpec(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.IsNullOrWhiteSpace(spec.Branch) ? $"omoi/{spec.Id}" : spec.Branch;
    }

    /// <summary>The task branch, <c>&lt;spec branch&gt;-tasks/&lt;task key&gt;</c>, the key lower-cased.</summary>
    public static string ForTask(Spec spec, SpecTask specTask)
    {
        ArgumentNullException.ThrowIfNull(specTask);
        var key = new string(specTask.Key.Trim().Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        return $"{ForSpec(spec)}-tasks/{key}";
    }
}
