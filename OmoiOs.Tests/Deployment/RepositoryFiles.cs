namespace OmoiOs.Tests.Deployment;

/// <summary>Finds files of the checkout the tests were built from (the folder holding OmoiOs.sln).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OmoiOs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OmoiOs.sln above {AppContext.BaseDirectory}.");
    }
}
