namespace OmoiOs.Tests.Support;

/// <summary>
/// Lets git reach <c>ssh://</c> URLs with no ssh server: <c>GIT_SSH</c> names a script that runs the command git asks the
/// remote end to run (<c>git-upload-pack '/path'</c>) on this machine, so <see cref="UrlOf"/> a local repository is an
/// ssh URL. Installed once for the test process; only ssh transports are affected.
/// </summary>
public static class FakeSsh
{
    private static readonly Lazy<string> Script = new(Install);

    /// <summary>An ssh URL that clones <paramref name="repository"/> through the fake ssh.</summary>
    public static string UrlOf(string repository)
    {
        _ = Script.Value;
        return $"ssh://git.test{repository}";
    }

    private static string Install()
    {
        var script = Path.Combine(Directory.CreateTempSubdirectory("omoi-fake-ssh-").FullName, "ssh");
        File.WriteAllText(script, "#!/bin/sh\n# $1 is the host; $2 is what git runs there.\nexec sh -c \"$2\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment.SetEnvironmentVariable("GIT_SSH", script);
        Environment.SetEnvironmentVariable("GIT_SSH_VARIANT", "simple");
        return script;
    }
}
