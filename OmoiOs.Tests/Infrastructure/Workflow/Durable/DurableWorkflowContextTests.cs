using Microsoft.DurableTask;
using Moq;
using OmoiOs.Core.Workflow;
using OmoiOs.Infrastructure.Workflow.Durable;

namespace OmoiOs.Tests.Infrastructure.Workflow.Durable;

public sealed class DurableWorkflowContextTests
{
    private static readonly DateTime Now = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    // CallBase so the real non-virtual WaitForExternalEvent(name, timeout) and virtual CreateTimer(TimeSpan)
    // run over the abstract members set up below, as they do in Durable.
    private readonly Mock<TaskOrchestrationContext> _orchestration = new() { CallBase = true };

    [Fact]
    public void Properties_Always_ComeFromTheOrchestrationContext()
    {
        _orchestration.SetupGet(c => c.InstanceId).Returns("spec-42");
        _orchestration.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _orchestration.SetupGet(c => c.IsReplaying).Returns(true);

        var sut = CreateSut();

        Assert.Equal("spec-42", sut.InstanceId);
        Assert.Equal(Now, sut.CurrentUtcDateTime);
        Assert.True(sut.IsReplaying);
    }

    [Fact]
    public async Task CallActivityAsync_WithRetry_CallsActivityWithTheSameRetryPolicy()
    {
        TaskOptions? options = null;
        _orchestration
            .Setup(c => c.CallActivityAsync<int>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .ReturnsAsync(7);
        var retry = new WorkflowRetryPolicy(5, TimeSpan.FromSeconds(2), 1.5);

        var result = await CreateSut().CallActivityAsync<int>("ScanCodebase", "input", retry);

        Assert.Equal(7, result);
        var policy = options?.Retry?.Policy;
        Assert.NotNull(policy);
        Assert.Equal(5, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), policy.FirstRetryInterval);
        Assert.Equal(1.5, policy.BackoffCoefficient);
    }

    [Theory]
    [InlineData("OmoiOs.Core.Errors.StorageUnavailableException", true)]
    [InlineData("System.TimeoutException", true)]
    [InlineData("Some.Type.FromAnotherAssembly", true)]
    [InlineData("OmoiOs.Core.Errors.NotFoundException", false)]
    [InlineData("OmoiOs.Core.Errors.InvalidTransitionException", false)]
    [InlineData("System.ArgumentNullException", false)]
    public async Task CallActivityAsync_WithRetry_RetriesOnlyFailuresAnotherAttemptCouldCure(string errorType, bool retried)
    {
        TaskOptions? options = null;
        _orchestration
            .Setup(c => c.CallActivityAsync<int>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .ReturnsAsync(7);

        await CreateSut().CallActivityAsync<int>("ScanCodebase", "input", new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(1)));

        var handle = options?.Retry?.Policy?.Handle;
        Assert.NotNull(handle);
        // What Durable hands the policy: the framework's own exception with the failure's details.
        var failure = new DurableTask.Core.Exceptions.TaskFailedException("it failed") { FailureDetails = new DurableTask.Core.FailureDetails(errorType, "it failed", null, null, false) };
        Assert.Equal(retried, handle(failure));
    }

    [Fact]
    public async Task CallActivityAsync_WithoutRetry_CallsActivityByNameWithInputAndNoOptions()
    {
        _orchestration
            .Setup(c => c.CallActivityAsync<string>(new TaskName("ScanCodebase"), "input", null))
            .ReturnsAsync("scanned");

        var result = await CreateSut().CallActivityAsync<string>("ScanCodebase", "input");

        Assert.Equal("scanned", result);
    }

    [Fact]
    public async Task CallActivityAsync_ActivityFails_ThrowsActivityFailedExceptionCarryingDurablesFailure()
    {
        var failure = new TaskFailedException("ScanCodebase", 3, new InvalidOperationException("disk full"));
        _orchestration
            .Setup(c => c.CallActivityAsync<string>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(failure);

        var thrown = await Assert.ThrowsAsync<ActivityFailedException>(() => CreateSut().CallActivityAsync<string>("ScanCodebase", null));

        Assert.Equal("ScanCodebase", thrown.ActivityName);
        Assert.Equal("disk full", thrown.Failure);
        Assert.True(Assert.IsType<TaskFailedException>(thrown.InnerException).FailureDetails.IsCausedBy<InvalidOperationException>());
    }

    [Fact]
    public async Task WaitForEventAsync_EventArrivesFirst_ReturnsPayloadAndCancelsTheTimer()
    {
        _orchestration.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        var timerToken = CancellationToken.None;
        _orchestration
            .Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime _, CancellationToken token) =>
            {
                timerToken = token;
                return PendingUntilCancelled<bool>(token);
            });
        _orchestration
            .Setup(c => c.WaitForExternalEvent<string>("approval", It.IsAny<CancellationToken>()))
            .ReturnsAsync("approved");

        var payload = await CreateSut().WaitForEventAsync<string>("approval", TimeSpan.FromHours(1));

        Assert.Equal("approved", payload);
        Assert.True(timerToken.IsCancellationRequested);
    }

    [Fact]
    public async Task WaitForEventAsync_TimerFiresFirst_ThrowsTaskCanceledException()
    {
        _orchestration.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _orchestration
            .Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _orchestration
            .Setup(c => c.WaitForExternalEvent<string>("approval", It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => PendingUntilCancelled<string>(token));

        await Assert.ThrowsAsync<TaskCanceledException>(() => CreateSut().WaitForEventAsync<string>("approval", TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task WaitForEventAsync_Timeout_SetsTheDurableTimerAtOrchestrationTimePlusTimeout()
    {
        _orchestration.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        _orchestration
            .Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _orchestration
            .Setup(c => c.WaitForExternalEvent<string>("approval", It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => PendingUntilCancelled<string>(token));

        await Assert.ThrowsAsync<TaskCanceledException>(() => CreateSut().WaitForEventAsync<string>("approval", TimeSpan.FromMinutes(90)));

        _orchestration.Verify(c => c.CreateTimer(Now.AddMinutes(90), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CreateTimer_Always_CreatesTheDurableTimerWithTheSameTimeAndToken()
    {
        using var cancellation = new CancellationTokenSource();
        _orchestration.Setup(c => c.CreateTimer(Now, cancellation.Token)).Returns(Task.CompletedTask);

        await CreateSut().CreateTimer(Now, cancellation.Token);

        _orchestration.Verify(c => c.CreateTimer(Now, cancellation.Token), Times.Once);
    }

    [Fact]
    public void SetCustomStatus_Always_SetsTheOrchestrationCustomStatus()
    {
        var status = new { phase = "design", progress = 40 };

        CreateSut().SetCustomStatus(status);

        _orchestration.Verify(c => c.SetCustomStatus(status), Times.Once);
    }

    [Fact]
    public void NewGuid_Always_ReturnsTheReplaySafeGuid()
    {
        var guid = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        _orchestration.Setup(c => c.NewGuid()).Returns(guid);

        Assert.Equal(guid, CreateSut().NewGuid());
    }

    [Fact]
    public void Constructor_NullContext_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new DurableWorkflowContext(null!));

    private DurableWorkflowContext CreateSut() => new(_orchestration.Object);

    // What Durable's own event and timer tasks do when their token is cancelled.
    private static Task<T> PendingUntilCancelled<T>(CancellationToken token)
    {
        var completion = new TaskCompletionSource<T>();
        token.Register(() => completion.TrySetCanceled(token));
        return completion.Task;
    }
}
