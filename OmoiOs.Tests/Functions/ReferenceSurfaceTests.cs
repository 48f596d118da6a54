using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using OmoiOs.Tests.Functions.TestHttp;

namespace OmoiOs.Tests.Functions;

/// <summary>
/// Behaviours of the Functions and Durable packages that OmoiOs relies on, checked against the real packages so an
/// upgrade that changes one of them fails here first.
/// </summary>
public sealed class ReferenceSurfaceTests
{
    [Fact]
    public void HttpTrigger_MethodsOnly_LeavesTheLevelAnonymous()
    {
        var trigger = new HttpTriggerAttribute("post");

        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
    }

    [Fact]
    public void HttpTrigger_NoArguments_DemandsAFunctionKey()
    {
        Assert.Equal(AuthorizationLevel.Function, new HttpTriggerAttribute().AuthLevel);
    }

    [Theory]
    [InlineData(0, 1, 1.0)]
    [InlineData(3, 0, 1.0)]
    [InlineData(3, 1, 0.5)]
    public void RetryPolicy_InvalidArguments_ThrowsArgumentOutOfRange(int attempts, int firstIntervalSeconds, double coefficient)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RetryPolicy(attempts, TimeSpan.FromSeconds(firstIntervalSeconds), coefficient));
    }

    [Fact]
    public void RetryPolicy_Defaults_CapsIntervalsAtOneHourAndNeverTimesOut()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
    }

    [Fact]
    public void TaskOptions_FromRetryPolicy_CarriesThePolicy()
    {
        var policy = new RetryPolicy(2, TimeSpan.FromSeconds(5));

        var options = new TaskOptions(policy);

        Assert.Same(policy, options.Retry?.Policy);
    }

    [Fact]
    public void TaskName_FromString_ConvertsBackAndComparesIgnoringCase()
    {
        TaskName name = "ScanCodebase";

        Assert.Equal("ScanCodebase", (string)name);
        Assert.Equal(new TaskName("scancodebase"), name);
    }

    [Fact]
    public void TaskFailedException_FromException_DescribesTheCause()
    {
        var failure = new TaskFailedException("Sync", 4, new InvalidOperationException("table missing"));

        Assert.Equal("System.InvalidOperationException", failure.FailureDetails.ErrorType);
        Assert.Equal("table missing", failure.FailureDetails.ErrorMessage);
        Assert.True(failure.FailureDetails.IsCausedBy<InvalidOperationException>());
        Assert.False(failure.FailureDetails.IsCausedBy<ArgumentException>());
    }

    [Fact]
    public void OrchestrationMetadata_ReadOutputWithoutInputsAndOutputs_Throws()
    {
        var metadata = new OrchestrationMetadata("SpecWorkflow", "spec-1") { RuntimeStatus = OrchestrationRuntimeStatus.Failed };

        Assert.True(metadata.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task DurableTaskClient_GetInstanceAsync_ReadsThroughGetInstancesAsync()
    {
        var client = new Mock<DurableTaskClient>("test") { CallBase = true };
        var metadata = new OrchestrationMetadata("SpecWorkflow", "spec-1");
        client.Setup(c => c.GetInstancesAsync("spec-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(metadata);

        Assert.Same(metadata, await client.Object.GetInstanceAsync("spec-1", getInputsAndOutputs: true));
    }

    [Fact]
    public async Task Pageable_Create_EnumeratesEveryPage()
    {
        var pages = new Dictionary<string, Page<string>>
        {
            [string.Empty] = new(["a", "b"], "next"),
            ["next"] = new(["c"]),
        };
        var pageable = Pageable.Create<string>((token, _) => Task.FromResult(pages[token ?? string.Empty]));

        var items = new List<string>();
        await foreach (var item in pageable)
        {
            items.Add(item);
        }

        Assert.Equal(["a", "b", "c"], items);
    }

    [Fact]
    public async Task HttpRequestData_ReadFromJsonAsync_UsesTheWorkerSerializer()
    {
        var request = new TestHttpRequestData(
            TestFunctionContexts.WithOmoiFunctionsServices(), "POST", new Uri("http://localhost/api/specs"), """{"title":"Add login"}""");

        var body = await request.ReadFromJsonAsync<TitleOnly>();

        Assert.Equal("Add login", body?.Title);
    }

    [Fact]
    public void HttpRequestData_CreateResponseWithStatus_SetsTheStatus()
    {
        var request = new TestHttpRequestData(TestFunctionContexts.WithOmoiFunctionsServices(), "GET", new Uri("http://localhost/api/x?after=3"));

        var response = request.CreateResponse(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("3", request.Query["after"]);
    }

    private sealed record TitleOnly(string Title);
}
