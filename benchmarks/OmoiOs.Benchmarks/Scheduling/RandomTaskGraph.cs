using OmoiOs.Core.Domain;
using OmoiOs.Core.Workflow.Scheduling;

namespace OmoiOs.Benchmarks.Scheduling;

/// <summary>
/// A random layered task graph: tasks fill layers about 0.5–3× the parallelism wide, each task after the first layer
/// waits for 1–3 tasks of the layer before (sometimes up to four layers back). Durations are 0.25–8 h steps scaled by
/// 0.5–1.5, priorities uniform. Half the graphs end up bound by their critical path, half by total work ÷ parallelism.
/// </summary>
internal sealed record RandomTaskGraph(int Parallelism, PlanTask[] Tasks, int[][] Dependencies, double[] Hours)
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly double[] DurationSteps = [0.25, 0.5, 1, 2, 4, 8];

    public int Count => Tasks.Length;

    public static RandomTaskGraph Generate(Random random, int count, int parallelism)
    {
        var width = Math.Max(1, (int)(parallelism * (0.5 + (random.NextDouble() * 2.5))));
        var layerCount = Math.Max(2, count / width);
        var layerOf = new int[count];
        var layers = new List<int>[layerCount];
        for (var layer = 0; layer < layerCount; layer++)
        {
            layers[layer] = [];
        }

        for (var task = 0; task < count; task++)
        {
            layerOf[task] = Math.Min(layerCount - 1, (int)((long)task * layerCount / count));
            layers[layerOf[task]].Add(task);
        }

        var dependencies = new int[count][];
        var hours = new double[count];
        var tasks = new PlanTask[count];
        for (var task = 0; task < count; task++)
        {
            var layer = layerOf[task];
            var chosen = new SortedSet<int>();
            for (var k = layer == 0 ? 0 : random.Next(1, 4); k > 0; k--)
            {
                var back = random.NextDouble() < 0.7 ? 1 : random.Next(1, Math.Min(layer, 4) + 1);
                var candidates = layers[layer - back];
                chosen.Add(candidates[random.Next(candidates.Count)]);
            }

            dependencies[task] = [.. chosen];
            hours[task] = DurationSteps[random.Next(DurationSteps.Length)] * (0.5 + random.NextDouble());
            tasks[task] = new PlanTask(
                IdOf(task),
                Array.ConvertAll(dependencies[task], IdOf),
                (Priority)random.Next(4),
                hours[task],
                Attempts: 0,
                MaxRetries: 3,
                CreatedAt);
        }

        return new RandomTaskGraph(parallelism, tasks, dependencies, hours);
    }

    public static string IdOf(int task) => $"T{task:D5}";

    /// <summary>Per task: its duration plus the longest chain of durations after it (tasks come in dependency order).</summary>
    public double[] RemainingPath(double[] durations)
    {
        var dependants = Dependants();
        var remaining = new double[Count];
        for (var task = Count - 1; task >= 0; task--)
        {
            remaining[task] = durations[task] + dependants[task].Select(d => remaining[d]).DefaultIfEmpty(0).Max();
        }

        return remaining;
    }

    /// <summary>max(critical path, total work ÷ parallelism): no schedule on this many workers can finish sooner.</summary>
    public double LowerBound(double[] durations) =>
        Math.Max(RemainingPath(durations).Max(), durations.Sum() / Parallelism);

    public List<int>[] Dependants()
    {
        var dependants = new List<int>[Count];
        for (var task = 0; task < Count; task++)
        {
            dependants[task] = [];
        }

        for (var task = 0; task < Count; task++)
        {
            foreach (var dependency in Dependencies[task])
            {
                dependants[dependency].Add(task);
            }
        }

        return dependants;
    }
}
