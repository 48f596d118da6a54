namespace OmoiOs.Core.Application;

/// <summary>A problem found while reading a request, to answer exactly as it is.</summary>
public sealed class ApiProblemException(ApiProblem problem) : Exception(problem?.Detail)
{
    public ApiProblem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));
}
