using OmoiOs.Core.Application;
using OmoiOs.Core.Errors;

namespace OmoiOs.Tests.Core.Application;

public sealed class ApiProblemTests
{
    [Fact]
    public void From_ApiProblemException_IsItsProblemUnchanged()
    {
        var problem = ApiProblem.TooLarge(1024);

        Assert.Same(problem, ApiProblem.From(new ApiProblemException(problem)));
    }

    [Fact]
    public void From_UnknownException_Is500WithoutItsMessage()
    {
        var problem = ApiProblem.From(new InvalidOperationException("connection string with a key"));

        Assert.Equal(500, problem.Status);
        Assert.DoesNotContain("key", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NotFound_Is404NamingTheKind()
    {
        var problem = ApiProblem.From(new NotFoundException("Ticket", "ticket-1"));

        Assert.Equal(404, problem.Status);
        Assert.Equal("Ticket not found.", problem.Title);
    }
}
