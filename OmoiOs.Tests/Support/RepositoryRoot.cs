namespace OmoiOs.Tests.Support;

/// <summary>Finds the checkout's root (the folder holding OmoiOs.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OmoiOs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OmoiOs.sln above {AppContext.BaseDirectory}.");
    }
}
