using OmoiOs.Core.Domain;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class TaskQueuePolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Priority.Critical, 0.45 * 1.0)]
    [InlineData(Priority.High, 0.45 * 0.75)]
    [InlineData(Priority.Medium, 0.45 * 0.5)]
    [InlineData(Priority.Low, 0.45 * 0.25)]
    public void Score_NewTaskWithNothingElse_IsPriorityTermPlusFullRetryTerm(Priority priority, double priorityTerm)
    {
        var score = TaskQueuePolicy.Default.Score(Task("a", priority, Now), 0, Now);

        Assert.Equal(priorityTerm + 0.05, score, 10);
    }

    [Fact]
    public void Score_EveryTermAtItsCap_SumsToOne()
    {
        var task = Task("a", Priority.Critical, Now.AddHours(-5));

        var score = TaskQueuePolicy.Default.Score(task, tasksUnblocked: 25, Now, deadline: Now.AddMinutes(-1));

        Assert.Equal(1.0, score, 10);
    }

    [Fact]
    public void Score_HalfAgeHalfUnblocksHalfDeadlineHalfRetries_WeighsEachTerm()
    {
        var task = Task("a", Priority.Low, Now.AddMinutes(-30)) with { Attempts = 1, MaxRetries = 2 };

        var score = TaskQueuePolicy.Default.Score(task, tasksUnblocked: 5, Now, deadline: Now.AddMinutes(30));

        Assert.Equal((0.45 * 0.25) + (0.20 * 0.5) + (0.15 * 0.5) + (0.15 * 0.5) + (0.05 * 0.5), score, 10);
    }

    [Fact]
    public void Score_DeadlineBeyondWindow_AddsNothing()
    {
        var task = Task("a", Priority.Medium, Now);

        Assert.Equal(
            TaskQueuePolicy.Default.Score(task, 0, Now),
            TaskQueuePolicy.Default.Score(task, 0, Now, deadline: Now.AddHours(3)), 10);
    }

    [Fact]
    public void Order_ReadyTasks_BestScoreFirstThenOlderThenId()
    {
        var low = Task("low", Priority.Low, Now);
        var blocker = Task("blocker", Priority.Medium, Now);
        var critical = Task("critical", Priority.Critical, Now);
        var twinB = Task("twin-b", Priority.Medium, Now.AddSeconds(-1));
        var twinA = Task("twin-a", Priority.Medium, Now.AddSeconds(-1));
        List<string> waitingIds = ["w1", "w2", "w3"];
        var waiting = waitingIds.Select(id => Task(id, Priority.Low, Now) with { DependsOn = ["blocker"] }).ToList();
        var done = Task("done", Priority.Low, Now) with { DependsOn = ["twin-a"], Status = WorkTaskStatus.Completed };
        IReadOnlyCollection<WorkTask> all = [low, blocker, critical, twinB, twinA, done, .. waiting];

        var order = TaskQueuePolicy.Default.Order([low, twinB, blocker, twinA, critical], all, Now);

        Assert.Equal(["critical", "blocker", "twin-a", "twin-b", "low"], order.Select(t => t.Id));
    }

    [Fact]
    public void CountUnblocked_FinishedDependentsIgnored()
    {
        var root = Task("root", Priority.Medium, Now);
        var waiting = Task("w", Priority.Medium, Now) with { DependsOn = ["root"] };
        var failed = Task("f", Priority.Medium, Now) with { DependsOn = ["root"], Status = WorkTaskStatus.Failed };

        Assert.Equal(1, TaskQueuePolicy.CountUnblocked(root, [root, waiting, failed]));
    }

    private static WorkTask Task(string id, Priority priority, DateTimeOffset created) => new()
    {
        Id = id,
        SpecId = "spec-abcdef123456",
        TicketId = "ticket-abcdef123456",
        SpecTaskId = "spec-task-abcdef123456-" + id,
        Title = id,
        Priority = priority,
        CreatedAt = created,
        UpdatedAt = created,
    };
}
