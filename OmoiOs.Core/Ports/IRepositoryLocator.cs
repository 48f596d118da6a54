namespace OmoiOs.Core.Ports;

/// <summary>Turns a spec's repository (a local path or a git URL) into a local checkout the pipeline can read.</summary>
public interface IRepositoryLocator
{
    /// <exception cref="Errors.ValidationFailedException">On the field <c>repository</c>: not a directory, not a git URL.</exception>
    Task<string> GetLocalPathAsync(string repository, CancellationToken cancellationToken);
}
