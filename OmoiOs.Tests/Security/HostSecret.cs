namespace OmoiOs.Tests.Security;

/// <summary>
/// A file only the host can see (under the host's /tmp, which each sandbox replaces by its own), holding a marker no
/// response may ever contain; and the same for the host's <c>/etc/passwd</c> root line (the sandbox's own passwd names
/// root with another shell, so a sandbox reading its passwd is not taken for a leak).
/// </summary>
public sealed class HostSecret : IDisposable
{
    private static readonly string PasswdRootLine = File.ReadLines("/etc/passwd").First(line => line.StartsWith("root:", StringComparison.Ordinal));

    public HostSecret()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("omoi-secret-").FullName;
        Marker = "OMOI-HOST-SECRET-" + Guid.NewGuid().ToString("N");
        Path = System.IO.Path.Combine(Directory, "secret.txt");
        File.WriteAllText(Path, Marker + "\n");
    }

    public string Directory { get; }

    public string Path { get; }

    public string Marker { get; }

    /// <summary>Fails when <paramref name="text"/> holds the secret's content or the host's passwd.</summary>
    public void AssertNotIn(string text)
    {
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswdRootLine, text, StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
