namespace OmoiOs.Benchmarks.Support;

/// <summary>The machine's load when a figure ran (Linux), so that a reader can tell a busy machine's numbers.</summary>
public static class LoadAverage
{
    public static string Describe() =>
        File.Exists("/proc/loadavg")
            ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores"
            : $"{Environment.ProcessorCount} cores";
}
