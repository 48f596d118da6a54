namespace OmoiOs.Tests.Support;

/// <summary>
/// Lets git reach <c>ssh://</c> URLs with no ssh server: <c>GIT_SSH</c> names a script that runs the command git asks the
/// remote end to run (<c>git-upload-pack '/path'</c>) on this machine, so an ssh URL names a local repository. Set for the
/// test process while the collection runs; only ssh transports are affected.
/// </summary>
public sealed class FakeSsh : IDisposable
{
    public const string Collection = "fake ssh";

    private readonly string _directory = Directory.CreateTempSubdirectory("omoi-fake-ssh-").FullName;

    public FakeSsh()
    {
        var script = Path.Combine(_directory, "ssh");
        File.WriteAllText(script, "#!/bin/sh\n# $1 is the host; $2 is what git runs there.\nexec sh -c \"$2\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment.SetEnvironmentVariable("GIT_SSH", script);
        Environment.SetEnvironmentVariable("GIT_SSH_VARIANT", "simple");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GIT_SSH", null);
        Environment.SetEnvironmentVariable("GIT_SSH_VARIANT", null);
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(FakeSsh.Collection)]
public sealed class FakeSshUsers : ICollectionFixture<FakeSsh>;
