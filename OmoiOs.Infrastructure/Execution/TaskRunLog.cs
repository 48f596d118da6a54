using System.Globalization;
using System.Text;
using OmoiOs.Core.Execution;

namespace OmoiOs.Infrastructure.Execution;

/// <summary>The log of one task attempt: every step, command, exit code, duration and output (capped outputs say so explicitly).</summary>
internal sealed class TaskRunLog
{
    private readonly StringBuilder _text = new();

    public void Step(string title, string detail)
    {
        _text.Append("== ").Append(title).Append(": ").AppendLine(detail);
    }

    public void Command(string title, string command, SandboxCommandResult result)
    {
        _text.Append("== ").Append(title).AppendLine();
        _text.Append("$ ").AppendLine(command);
        _text.Append(CultureInfo.InvariantCulture, $"-- exit {result.ExitCode} after {result.Duration.TotalMilliseconds:F0} ms, {result.TotalOutputBytes} bytes of output");
        if (result.Truncated)
        {
            _text.Append(" (head and tail kept)");
        }

        if (result.LimitsHit is { } limits)
        {
            _text.Append("; stopped by: ").Append(limits);
        }

        _text.AppendLine();
        _text.Append(result.Output);
        if (result.Output.Length > 0 && !result.Output.EndsWith('\n'))
        {
            _text.AppendLine();
        }
    }

    public override string ToString() => _text.ToString();
}
