namespace OmoiOs.Benchmarks.Support;

/// <summary>The checkout's root (the folder holding OmoiOs.sln), searched upwards from the working directory, then from the binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OmoiOs.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No OmoiOs.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.");
    }
}
