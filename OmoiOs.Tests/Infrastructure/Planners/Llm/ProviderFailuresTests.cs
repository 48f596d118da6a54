using System.Net;
using System.Text.Json;
using OmoiOs.Core.Errors;
using OmoiOs.Infrastructure.Planners.Llm;
using Polly.Timeout;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class ProviderFailuresTests
{
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(30);

    [Fact]
    public void Translate_CallerCancelled_ReturnsNullSoCancellationPropagates()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Null(ProviderFailures.Translate("openai", new OperationCanceledException(cancellation.Token), Total, cancellation.Token));
    }

    [Fact]
    public void Translate_TimeoutRejectedInsideTransportError_ReturnsPlannerTimeout()
    {
        var exception = new HttpRequestException("send failed", new TimeoutRejectedException("attempt timed out"));

        var failure = Assert.IsType<PlannerTimeoutException>(ProviderFailures.Translate("openai", exception, Total, CancellationToken.None));

        Assert.Equal(Total, failure.Timeout);
        Assert.Same(exception, failure.InnerException);
    }

    [Fact]
    public void Translate_CancelledWithoutCallerCancelling_ReturnsPlannerTimeout()
    {
        Assert.IsType<PlannerTimeoutException>(ProviderFailures.Translate("anthropic", new TaskCanceledException(), Total, CancellationToken.None));
    }

    [Fact]
    public void Translate_HttpStatusError_ReturnsCallFailedWithStatus()
    {
        var failure = Assert.IsType<PlannerCallFailedException>(
            ProviderFailures.Translate("openai", new HttpRequestException("forbidden", null, HttpStatusCode.Forbidden), Total, CancellationToken.None));

        Assert.Equal(403, failure.StatusCode);
        Assert.Equal("openai", failure.Planner);
    }

    [Fact]
    public void Translate_MalformedJson_ReturnsCallFailedNamingTheProtocol()
    {
        var failure = Assert.IsType<PlannerCallFailedException>(ProviderFailures.Translate("openai", new JsonException("bad"), Total, CancellationToken.None));

        Assert.Null(failure.StatusCode);
        Assert.Contains("not a valid response", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_UnrelatedError_ReturnsNull()
    {
        Assert.Null(ProviderFailures.Translate("openai", new InvalidOperationException("bug"), Total, CancellationToken.None));
    }
}
