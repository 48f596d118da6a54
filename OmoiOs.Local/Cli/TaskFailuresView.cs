using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Local.Cli;

/// <summary>The failed and blocked tasks as <c>omoi run</c>'s summary and <c>omoi status</c> print them.</summary>
internal static class TaskFailuresView
{
    public static void Write(TextWriter output, IReadOnlyList<TaskFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        output.WriteLine("  not completed:");
        foreach (var failure in failures)
        {
            output.WriteLine($"    {failure.Key} {(failure.Status == WorkTaskStatus.Failed ? "failed" : "blocked")}: {failure.Title} (task {failure.TaskId})");
            output.WriteLine($"      reason: {failure.Reason}");
            foreach (var line in failure.OutputTail)
            {
                output.WriteLine($"      | {line}");
            }
        }
    }
}
