using System.Text;

namespace OmoiOs.Core.Execution;

/// <summary>
/// The prompt file an agent is given: a Markdown document with fixed section headings (the bundled example agent reads
/// the file lists by those headings, so keep them stable).
/// </summary>
public static class AgentPrompt
{
    public const string FilesToCreateHeading = "## Files to create";
    public const string FilesToModifyHeading = "## Files to modify";

    public static string Build(TaskRunRequest request, string workspacePath, string branch)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = request.SpecTask;
        var text = new StringBuilder();
        text.Append("# ").Append(task.Key).Append(": ").AppendLine(task.Title).AppendLine();
        text.Append("Spec: ").AppendLine(request.Spec.Title);
        text.Append("Task type: ").AppendLine(task.Type.ToString());
        text.Append("Attempt: ").Append(request.Attempt).AppendLine().AppendLine();

        Section(text, "## Description", [string.IsNullOrWhiteSpace(task.Description) ? request.Task.Description : task.Description], bullet: false);
        Section(text, "## Acceptance criteria", AcceptanceCriteria(request), bullet: true);
        Section(text, "## Requirements addressed", Requirements(request), bullet: true);
        Section(text, FilesToCreateHeading, task.FilesToCreate.Select(f => $"`{f}`"), bullet: true);
        Section(text, FilesToModifyHeading, task.FilesToModify.Select(f => $"`{f}`"), bullet: true);
        Section(text, "## Design summary", [request.DesignSummary], bullet: false);
        if (!string.IsNullOrWhiteSpace(request.Feedback))
        {
            Section(text, "## Feedback from the previous attempt", [request.Feedback], bullet: false);
        }

        text.AppendLine("## How to work");
        text.Append("The repository is checked out at `").Append(workspacePath).Append("` on branch `").Append(branch).AppendLine("`.");
        text.AppendLine("Edit the files in place. Your changes are committed for you when you exit; committing yourself is fine too.");
        if (!string.IsNullOrWhiteSpace(request.CheckCommand))
        {
            text.Append("Afterwards this check must pass: `").Append(request.CheckCommand).AppendLine("`.");
        }

        return text.ToString();
    }

    private static IEnumerable<string> AcceptanceCriteria(TaskRunRequest request)
    {
        var addressed = AddressedRequirementIds(request);
        return request.SpecTask.AcceptanceCriteria
            .Concat(request.AcceptanceCriteria.Where(c => addressed.Contains(c.RequirementId)).OrderBy(c => c.RequirementId, StringComparer.Ordinal).ThenBy(c => c.Ordinal).Select(c => c.Text))
            .Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Requirements(TaskRunRequest request)
    {
        var addressed = AddressedRequirementIds(request);
        return request.Requirements.Where(r => addressed.Contains(r.Id)).Select(r => $"{r.Key} ({r.Title}): {r.Text}");
    }

    // A task that names no requirement is taken to address all it was given.
    private static HashSet<string> AddressedRequirementIds(TaskRunRequest request) =>
        request.SpecTask.Requirements.Count > 0
            ? new HashSet<string>(request.SpecTask.Requirements, StringComparer.Ordinal)
            : new HashSet<string>(request.Requirements.Select(r => r.Id), StringComparer.Ordinal);

    private static void Section(StringBuilder text, string heading, IEnumerable<string> items, bool bullet)
    {
        var lines = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine(heading);
        foreach (var line in lines)
        {
            text.AppendLine(bullet ? $"- {line}" : line.TrimEnd());
        }

        text.AppendLine();
    }
}
