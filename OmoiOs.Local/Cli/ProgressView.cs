using Spectre.Console;

namespace OmoiOs.Local.Cli;

/// <summary>
/// Shows a run's progress: a live panel on a terminal (phase, evaluator scores, tasks done/running/failed,
/// elapsed), or one plain line per change when the output is redirected.
/// </summary>
internal static class ProgressView
{
    public static async Task<T> ShowAsync<T>(Func<Action<SpecSnapshot>, Task<T>> run)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            string? last = null;
            return await run(snapshot =>
            {
                var line = Describe(snapshot);
                if (line != last)
                {
                    Console.WriteLine($"[{snapshot.Elapsed:mm\\:ss}] {line}");
                    last = line;
                }
            });
        }

        return await AnsiConsole.Live(new Text("starting…")).StartAsync(async context =>
            await run(snapshot =>
            {
                context.UpdateTarget(Render(snapshot));
                context.Refresh();
            }));
    }

    public static string Describe(SpecSnapshot snapshot)
    {
        var spec = snapshot.Spec;
        var counts = snapshot.Tasks.Counts;
        var tasks = snapshot.Tasks.Total == 0 ? "" :
            $" · tasks {counts.Completed}/{snapshot.Tasks.Total} done, {counts.Running} running, {counts.Failed} failed, {counts.Blocked} blocked";
        var scores = snapshot.PhaseScores.Count == 0 ? "" : $" · scores {string.Join(", ", snapshot.PhaseScores)}";
        var approval = spec.PendingApproval is { } gate ? $" · waiting for you: {ApprovalHint(spec.Id, Wire(gate))}" : "";
        return $"{Wire(spec.Status)} · phase {Wire(spec.CurrentPhase)} · {spec.Progress}%{tasks}{scores}{approval}";
    }

    private static string ApprovalHint(string specId, string gate) =>
        $"read it with omoi show {specId} {gate}, then omoi approve {specId} --gate {gate} (or --reject --comment \"…\")";

    private static Table Render(SpecSnapshot snapshot)
    {
        var spec = snapshot.Spec;
        var counts = snapshot.Tasks.Counts;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(spec.Title)}[/] ({spec.Id})");
        table.AddColumn("").AddColumn("");
        table.AddRow("status", Markup.Escape(Wire(spec.Status)));
        table.AddRow("phase", Markup.Escape(Wire(spec.CurrentPhase)));
        table.AddRow("progress", $"{spec.Progress}%");
        table.AddRow("evaluator", Markup.Escape(string.Join(", ", snapshot.PhaseScores)));
        table.AddRow("tasks", $"{counts.Completed}/{snapshot.Tasks.Total} done · {counts.Running} running · [red]{counts.Failed} failed[/] · {counts.Blocked} blocked");
        table.AddRow("elapsed", snapshot.Elapsed.ToString(@"mm\:ss"));
        if (spec.PendingApproval is { } gate)
        {
            table.AddRow("[yellow]approval[/]", Markup.Escape($"waiting: {ApprovalHint(spec.Id, Wire(gate))}"));
        }

        return table;
    }

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => Core.Serialization.EnumNames.ToWire(value);
}
