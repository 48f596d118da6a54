using OmoiOs.Core.Domain;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;
using OmoiOs.Core.Workflow.Scheduling;
using static OmoiOs.Tests.Core.Workflow.Scheduling.PlanTasks;

namespace OmoiOs.Tests.Core.Workflow.Scheduling;

public sealed class ExecutionPlanTests
{
    [Fact]
    public void TakeReady_Diamond_OnlyTheRootIsReady()
    {
        var plan = new ExecutionPlan(Diamond());

        Assert.Equal(["A"], plan.TakeReady(10, T0));
        Assert.Empty(plan.TakeReady(10, T0));
        Assert.Equal(new PlanCounts(Pending: 3, Running: 1, Completed: 0, Failed: 0, Blocked: 0), plan.Counts);
    }

    [Fact]
    public void Complete_Diamond_JoinBecomesReadyOnlyAfterBothBranches()
    {
        var plan = new ExecutionPlan(Diamond());
        plan.TakeReady(10, T0);

        Assert.Equal(["B", "C"], plan.Complete("A"));
        Assert.Equal(2, plan.TakeReady(10, T0).Count);
        Assert.Empty(plan.Complete("B"));
        Assert.Equal(PlanTaskState.Waiting, plan.StateOf("D"));
        Assert.Equal(["D"], plan.Complete("C"));
        Assert.Equal(["D"], plan.TakeReady(10, T0));
        plan.Complete("D");

        Assert.True(plan.IsFinished);
        Assert.Equal(new PlanCounts(Pending: 0, Running: 0, Completed: 4, Failed: 0, Blocked: 0), plan.Counts);
    }

    [Fact]
    public void TakeReady_MoreReadyThanMax_TakesOnlyMax()
    {
        var plan = new ExecutionPlan(Enumerable.Range(1, 5).Select(i => Task($"T{i}")));

        Assert.Empty(plan.TakeReady(0, T0));
        Assert.Equal(2, plan.TakeReady(2, T0).Count);
        Assert.Equal(2, plan.Counts.Running);
        Assert.Equal(3, plan.Counts.Pending);
        Assert.Equal(3, plan.TakeReady(10, T0).Count);
    }

    [Fact]
    public void TakeReady_NegativeMax_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExecutionPlan(Diamond()).TakeReady(-1, T0));

    [Fact]
    public void TakeReady_EqualPriorities_LongestRemainingPathFirst()
    {
        var plan = new ExecutionPlan(
        [
            Task("short"),
            Task("long-1"),
            Task("long-2", "long-1"),
            Task("long-3", "long-2"),
            Task("middle-1"),
            Task("middle-2", "middle-1"),
        ]);

        Assert.Equal(["long-1", "middle-1", "short"], plan.TakeReady(3, T0));
    }

    [Fact]
    public void TakeReady_EqualPaths_HigherPriorityFirst()
    {
        var plan = new ExecutionPlan(
        [
            Task("low") with { Priority = Priority.Low },
            Task("critical") with { Priority = Priority.Critical },
            Task("medium"),
            Task("high") with { Priority = Priority.High },
        ]);

        Assert.Equal(["critical", "high", "medium", "low"], plan.TakeReady(4, T0));
    }

    [Fact]
    public void TakeReady_MuchLongerPath_OutranksHigherPriority()
    {
        var plan = new ExecutionPlan(
        [
            Task("urgent-but-short") with { Priority = Priority.Critical },
            Task("head") with { Priority = Priority.Low },
            Task("tail", "head") with { EstimatedHours = 9 },
        ]);

        Assert.Equal(["head", "urgent-but-short"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void TakeReady_SlightlyLongerPath_LosesToHigherPriority()
    {
        var plan = new ExecutionPlan(
        [
            Task("urgent") with { Priority = Priority.Critical, EstimatedHours = 9 },
            Task("head") with { Priority = Priority.Low },
            Task("tail", "head") with { EstimatedHours = 9 },
        ]);

        Assert.Equal(["urgent", "head"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void TakeReady_MoreDependants_RanksHigher()
    {
        var plan = new ExecutionPlan(
        [
            Task("one"),
            Task("three"),
            Task("x", "one") with { EstimatedHours = 0 },
            Task("y", "three") with { EstimatedHours = 0 },
            Task("z", "three") with { EstimatedHours = 0 },
            Task("w", "three") with { EstimatedHours = 0 },
        ]);

        Assert.Equal(["three", "one"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void TakeReady_OlderTask_ItsAgeCountsUpToOneHour()
    {
        PlanTask[] tasks =
        [
            Task("new-medium") with { CreatedAt = T0 },
            Task("old-low") with { Priority = Priority.Low, CreatedAt = T0 - TimeSpan.FromHours(5) },
        ];

        Assert.Equal("old-low", new ExecutionPlan(tasks).TakeReady(1, T0).Single());
        Assert.Equal("new-medium", new ExecutionPlan(tasks).TakeReady(1, T0 + TimeSpan.FromHours(1)).Single());
    }

    [Fact]
    public void TakeReady_TimePasses_GrowingAgeOvertakesCappedAge()
    {
        var plan = new ExecutionPlan(
        [
            Task("old-low-1") with { Priority = Priority.Low, CreatedAt = T0 - TimeSpan.FromHours(2) },
            Task("old-low-2") with { Priority = Priority.Low, CreatedAt = T0 - TimeSpan.FromHours(2) },
            Task("new-medium") with { CreatedAt = T0 },
        ]);

        Assert.Equal(["old-low-1"], plan.TakeReady(1, T0));
        Assert.Equal(["new-medium"], plan.TakeReady(1, T0 + TimeSpan.FromMinutes(40)));
    }

    [Fact]
    public void TakeReady_EarlierTimeThanBefore_CountsAsTheLatestTime()
    {
        var plan = new ExecutionPlan(
        [
            Task("old-low") with { Priority = Priority.Low, CreatedAt = T0 - TimeSpan.FromHours(2) },
            Task("new-medium-1") with { CreatedAt = T0 },
            Task("new-medium-2") with { CreatedAt = T0 },
        ]);
        Assert.Equal(["new-medium-1"], plan.TakeReady(1, T0 + TimeSpan.FromMinutes(40)));

        Assert.Equal(["new-medium-2"], plan.TakeReady(1, T0));
    }

    [Fact]
    public void TakeReady_TaskCreatedLater_HasNoAgeUntilThen()
    {
        var plan = new ExecutionPlan(
        [
            Task("future-medium") with { CreatedAt = T0 + TimeSpan.FromHours(3) },
            Task("now-low") with { Priority = Priority.Low, CreatedAt = T0 - TimeSpan.FromMinutes(30) },
        ]);

        Assert.Equal(["future-medium", "now-low"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void Fail_DependantOfAReadyTask_ReranksThatTask()
    {
        var plan = new ExecutionPlan(
        [
            Task("doomed"),
            Task("hub"),
            Task("other"),
            Task("joint-1", "doomed", "hub") with { EstimatedHours = 0 },
            Task("joint-2", "doomed", "hub") with { EstimatedHours = 0 },
            Task("single", "other") with { EstimatedHours = 0 },
        ]);
        Assert.Equal(["doomed"], plan.TakeReady(1, T0));

        plan.Fail("doomed");

        Assert.Equal(["other", "hub"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void Requeue_RunningTask_IsReadyAgainBehindAnUntriedTwin()
    {
        var plan = new ExecutionPlan([Task("A"), Task("B")]);
        Assert.Equal(["A"], plan.TakeReady(1, T0));

        plan.Requeue("A");

        Assert.Equal(PlanTaskState.Ready, plan.StateOf("A"));
        Assert.Equal(["B", "A"], plan.TakeReady(2, T0));
    }

    [Fact]
    public void Fail_MiddleOfChain_BlocksOnlyTransitiveDependants()
    {
        var plan = new ExecutionPlan(
        [
            Task("A"),
            Task("B", "A"),
            Task("C", "B"),
            Task("E", "A"),
            Task("F"),
            Task("G", "C", "F"),
            Task("D", "C"),
        ]);
        plan.TakeReady(10, T0);
        plan.Complete("A");
        plan.TakeReady(10, T0);

        var blocked = plan.Fail("B");

        Assert.Equal(["C", "G", "D"], blocked);
        Assert.Equal(PlanTaskState.Running, plan.StateOf("E"));
        Assert.Equal(PlanTaskState.Running, plan.StateOf("F"));
        Assert.Empty(plan.Complete("F"));
        plan.Complete("E");
        Assert.True(plan.IsFinished);
        Assert.Equal(new PlanCounts(Pending: 0, Running: 0, Completed: 3, Failed: 1, Blocked: 3), plan.Counts);
    }

    [Fact]
    public void Fail_TaskWithoutDependants_BlocksNothing()
    {
        var plan = new ExecutionPlan(Diamond());
        plan.TakeReady(1, T0);
        plan.Complete("A");
        plan.TakeReady(2, T0);
        plan.Complete("B");
        plan.Complete("C");
        plan.TakeReady(1, T0);

        Assert.Empty(plan.Fail("D"));
        Assert.True(plan.IsFinished);
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("fail")]
    [InlineData("requeue")]
    public void Outcome_TaskNotRunning_ThrowsInvalidTransition(string outcome)
    {
        var plan = new ExecutionPlan(Diamond());

        var error = Assert.Throws<InvalidTransitionException>(() => Report(plan, "A", outcome));

        Assert.Equal("ready", error.From);
        Assert.Equal(PlanTaskState.Ready, plan.StateOf("A"));
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("fail")]
    [InlineData("requeue")]
    public void Outcome_UnknownTask_ThrowsNotFound(string outcome) =>
        Assert.Equal("nope", Assert.Throws<NotFoundException>(() => Report(new ExecutionPlan(Diamond()), "nope", outcome)).Id);

    [Fact]
    public void Complete_Twice_ThrowsInvalidTransition()
    {
        var plan = new ExecutionPlan(Diamond());
        plan.TakeReady(1, T0);
        plan.Complete("A");

        Assert.Equal("completed", Assert.Throws<InvalidTransitionException>(() => plan.Complete("A")).From);
    }

    [Fact]
    public void Constructor_ResumedWithCompleted_StartsAfterThem()
    {
        var plan = new ExecutionPlan(Diamond(), completed: ["A", "B"]);

        Assert.Equal(new PlanCounts(Pending: 2, Running: 0, Completed: 2, Failed: 0, Blocked: 0), plan.Counts);
        Assert.Equal(["C"], plan.TakeReady(10, T0));
        Assert.Equal(["D"], plan.Complete("C"));
    }

    [Fact]
    public void Constructor_ResumedWithFailed_BlocksItsDependantsAndRunsTheRest()
    {
        var plan = new ExecutionPlan(Diamond(), completed: ["A"], failed: ["B"]);

        Assert.Equal(PlanTaskState.Blocked, plan.StateOf("D"));
        Assert.Equal(new PlanCounts(Pending: 1, Running: 0, Completed: 1, Failed: 1, Blocked: 1), plan.Counts);
        Assert.Equal(["C"], plan.TakeReady(10, T0));
        Assert.Empty(plan.Complete("C"));
        Assert.True(plan.IsFinished);
    }

    [Fact]
    public void Constructor_ResumedWithBlocked_BlocksItsDependantsToo()
    {
        var plan = new ExecutionPlan([Task("A"), Task("B", "A"), Task("C", "B"), Task("X")], blocked: ["B"]);

        Assert.Equal(PlanTaskState.Blocked, plan.StateOf("C"));
        Assert.Equal(["A", "X"], plan.TakeReady(10, T0));
    }

    [Fact]
    public void Constructor_ResumedWithEverythingDone_IsFinished()
    {
        var plan = new ExecutionPlan(Diamond(), completed: ["A", "B", "C", "D"]);

        Assert.True(plan.IsFinished);
        Assert.Empty(plan.TakeReady(10, T0));
    }

    [Fact]
    public void Constructor_ResumeIdsUnknownOrTwice_ThrowsNamingEach()
    {
        var error = Assert.Throws<ValidationFailedException>(
            () => new ExecutionPlan(Diamond(), completed: ["A", "Z"], failed: ["A"]));

        Assert.Contains("'Z'", error.Errors["completed"].Single(), StringComparison.Ordinal);
        Assert.Contains("'A' is already listed as completed", error.Errors["failed"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownDependency_ThrowsNamingIt()
    {
        var error = Assert.Throws<ValidationFailedException>(() => new ExecutionPlan([Task("A"), Task("B", "A", "ghost")]));

        Assert.Equal(["Task 'B' depends on unknown task 'ghost'."], error.Errors["dependsOn"]);
    }

    [Fact]
    public void Constructor_Cycle_ThrowsNamingThePath()
    {
        var error = Assert.Throws<ValidationFailedException>(
            () => new ExecutionPlan([Task("X"), Task("A", "X", "C"), Task("B", "A"), Task("C", "B"), Task("D", "C")]));

        Assert.Equal(
            "dependsOn: The tasks form a dependency cycle (each waits for the next): A → C → B → A.",
            error.Message);
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        var error = Assert.Throws<ValidationFailedException>(() => new ExecutionPlan([Task("A"), Task("A")]));

        Assert.Equal(["Task id 'A' is given more than once."], error.Errors["id"]);
    }

    [Fact]
    public void Constructor_NoTasks_IsFinished()
    {
        var plan = new ExecutionPlan([]);

        Assert.True(plan.IsFinished);
        Assert.Equal(0, plan.CriticalPathHours);
    }

    [Fact]
    public void RemainingPathHours_Diamond_OwnHoursPlusLongestChainAfter()
    {
        var plan = new ExecutionPlan(Diamond(a: 1, b: 2, c: 3, d: 4));

        Assert.Equal(8, plan.RemainingPathHours("A"));
        Assert.Equal(6, plan.RemainingPathHours("B"));
        Assert.Equal(7, plan.RemainingPathHours("C"));
        Assert.Equal(4, plan.RemainingPathHours("D"));
        Assert.Equal(8, plan.CriticalPathHours);
    }

    [Fact]
    public void TakeReady_SameTasksInAnyInputOrder_SameSchedule()
    {
        var tasks = RandomTasks(new Random(11), 200, spreadCreatedAt: true);
        var shuffled = tasks.OrderBy(t => t.Id.GetHashCode(StringComparison.Ordinal)).ToArray();

        Assert.Equal(Run(new ExecutionPlan(tasks)), Run(new ExecutionPlan(shuffled)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void TakeReady_RandomRuns_MatchesSortingEveryReadyTaskByThePolicyRank(int seed, bool spreadCreatedAt)
    {
        var random = new Random(seed);
        var tasks = RandomTasks(random, 300, spreadCreatedAt);
        var plan = new ExecutionPlan(tasks);
        var attempts = tasks.ToDictionary(t => t.Id, t => t.Attempts);
        var running = new List<string>();
        var now = T0 - TimeSpan.FromHours(1);
        while (!plan.IsFinished)
        {
            now += TimeSpan.FromMinutes(random.Next(0, 25));
            var max = random.Next(1, 6);
            var expected = ReadyByRank(plan, tasks, attempts, now).Take(max).ToList();

            var taken = plan.TakeReady(max, now);

            Assert.Equal(expected, taken);
            running.AddRange(taken);
            var finishing = running[random.Next(running.Count)];
            running.Remove(finishing);
            switch (random.Next(10))
            {
                case 0:
                    plan.Requeue(finishing);
                    attempts[finishing]++;
                    break;
                case 1:
                    plan.Fail(finishing);
                    break;
                default:
                    plan.Complete(finishing);
                    break;
            }
        }
    }

    private static void Report(ExecutionPlan plan, string id, string outcome)
    {
        switch (outcome)
        {
            case "complete":
                plan.Complete(id);
                break;
            case "fail":
                plan.Fail(id);
                break;
            default:
                plan.Requeue(id);
                break;
        }
    }

    /// <summary>The brute-force order: every ready task ranked at <paramref name="now"/>, then older, then smaller id.</summary>
    private static IEnumerable<string> ReadyByRank(
        ExecutionPlan plan, IReadOnlyList<PlanTask> tasks, Dictionary<string, int> attempts, DateTimeOffset now)
    {
        bool Unfinished(string id) => plan.StateOf(id) is not (PlanTaskState.Completed or PlanTaskState.Failed or PlanTaskState.Blocked);
        return tasks
            .Where(t => plan.StateOf(t.Id) == PlanTaskState.Ready)
            .Select(t => (Task: t, Rank: TaskQueuePolicy.Rank(
                plan.RemainingPathHours(t.Id),
                plan.CriticalPathHours,
                TaskQueuePolicy.Default.Score(
                    t.Priority,
                    t.CreatedAt,
                    attempts[t.Id],
                    t.MaxRetries,
                    tasks.Count(other => other.DependsOn.Contains(t.Id) && Unfinished(other.Id)),
                    now))))
            .OrderByDescending(e => e.Rank)
            .ThenBy(e => e.Task.CreatedAt)
            .ThenBy(e => e.Task.Id, StringComparer.Ordinal)
            .Select(e => e.Task.Id);
    }

    private static List<string> Run(ExecutionPlan plan)
    {
        var order = new List<string>();
        var now = T0;
        while (!plan.IsFinished)
        {
            var taken = plan.TakeReady(3, now);
            order.AddRange(taken);
            foreach (var id in taken)
            {
                plan.Complete(id);
            }

            now += TimeSpan.FromMinutes(10);
        }

        return order;
    }

    private static PlanTask[] RandomTasks(Random random, int count, bool spreadCreatedAt) =>
        Enumerable.Range(0, count)
            .Select(i => new PlanTask(
                $"T{i:D3}",
                Enumerable.Range(0, i == 0 ? 0 : random.Next(0, 3)).Select(_ => $"T{random.Next(Math.Max(0, i - 20), i):D3}").Distinct().ToArray(),
                (Priority)random.Next(4),
                EstimatedHours: random.Next(0, 9) * 0.5,
                Attempts: random.Next(0, 3),
                MaxRetries: 3,
                CreatedAt: spreadCreatedAt ? T0 + TimeSpan.FromSeconds(random.Next(-7200, 7200)) : T0))
            .ToArray();
}
