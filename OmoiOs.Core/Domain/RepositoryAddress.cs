namespace OmoiOs.Core.Domain;

/// <summary>Tells a spec's repository given as a git URL from one given as a local (absolute) path.</summary>
public static class RepositoryAddress
{
    public static bool IsUrl(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return !repository.StartsWith('/');
    }
}
