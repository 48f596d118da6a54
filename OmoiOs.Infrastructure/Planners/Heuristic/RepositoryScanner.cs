using System.Text;
using Microsoft.Win32.SafeHandles;
using OmoiOs.Core.Errors;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// Walks a repository and records its text files with line counts, the manifests that name its build and test
/// commands, and its git state. Bounded by <see cref="RepositoryScanLimits"/>; skips VCS, dependency and build
/// output folders and binary files (a NUL byte in the first 8 KB); never follows a symbolic link, so loops and
/// links out of the repository are listed as skipped and cannot leak. Visits entries in ordinal order, so the same
/// tree always yields the same snapshot.
/// </summary>
public sealed class RepositoryScanner(TimeProvider timeProvider, RepositoryScanLimits limits, GitStateReader git)
{
    private const int SniffBytes = 8 * 1024;

    private const int BufferBytes = 64 * 1024;

    private const int BudgetCheckEvery = 256;

    private static readonly HashSet<string> ExcludedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "bin", "obj", ".vs", ".idea", ".vscode", "__pycache__", ".venv", "venv",
        ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", "target", ".gradle", ".next", ".nuget",
        "coverage", "TestResults", "BenchmarkDotNet.Artifacts", ".terraform", ".azurite", ".omoi", ".cache",
    };

    private static readonly HashSet<string> RootManifests = new(StringComparer.Ordinal)
    {
        "Makefile", "GNUmakefile", "makefile", "package.json", "pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini",
        "requirements.txt", "requirements-dev.txt", "go.mod", "Cargo.toml", "Gemfile", "Directory.Packages.props",
    };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public async Task<RepositorySnapshot> ScanAsync(string repositoryPath, CancellationToken cancellationToken)
    {
        var root = Validate(repositoryPath);
        var walk = new Walk(root, limits, timeProvider, cancellationToken);
        walk.Run();
        var gitState = await git.ReadAsync(root.FullName, cancellationToken).ConfigureAwait(false);
        return new RepositorySnapshot
        {
            Name = root.Name,
            Files = walk.Files,
            Manifests = walk.Manifests,
            Git = gitState,
            Stats = new ScanStats
            {
                FilesScanned = walk.Files.Count,
                FilesSkipped = walk.FilesSkipped,
                Truncated = walk.Truncated,
                ElapsedMs = (long)timeProvider.GetElapsedTime(walk.Started).TotalMilliseconds,
                DirectoriesSkipped = walk.DirectoriesSkipped,
                Skipped = walk.Skipped,
            },
        };
    }

    private static DirectoryInfo Validate(string repositoryPath)
    {
        if (string.IsNullOrWhiteSpace(repositoryPath))
        {
            throw new ValidationFailedException("repository", "a repository path is required");
        }

        var directory = new DirectoryInfo(Path.GetFullPath(repositoryPath));
        if (!directory.Exists)
        {
            throw new ValidationFailedException("repository", File.Exists(directory.FullName)
                ? $"'{repositoryPath}' is a file, not a directory"
                : $"'{repositoryPath}' does not exist");
        }

        return directory;
    }

    /// <summary>The state of one walk: what was found, skipped and whether a bound stopped it.</summary>
    private sealed class Walk(DirectoryInfo root, RepositoryScanLimits limits, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[BufferBytes];

        public long Started { get; } = timeProvider.GetTimestamp();

        public List<ScannedFile> Files { get; } = [];

        public List<ManifestFile> Manifests { get; } = [];

        public List<SkippedPath> Skipped { get; } = [];

        public int FilesSkipped { get; private set; }

        public int DirectoriesSkipped { get; private set; }

        public bool Truncated { get; private set; }

        public void Run()
        {
            var pending = new Stack<(DirectoryInfo Directory, string Relative)>();
            pending.Push((root, ""));
            while (pending.Count > 0 && !Truncated)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (directory, relative) = pending.Pop();
                var entries = directory.EnumerateFileSystemInfos("*", OneLevel).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
                var subdirectories = new List<(DirectoryInfo, string)>();
                foreach (var entry in entries)
                {
                    var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                    if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        Skip(path, "symbolic link (not followed)", entry is DirectoryInfo);
                    }
                    else if (entry is DirectoryInfo subdirectory)
                    {
                        if (ExcludedDirectories.Contains(entry.Name))
                        {
                            Skip(path + "/", "excluded directory", isDirectory: true);
                        }
                        else
                        {
                            subdirectories.Add((subdirectory, path));
                        }
                    }
                    else if (entry is FileInfo file && !Visit(file, path, relative.Length == 0))
                    {
                        return;
                    }
                }

                // Pushed in reverse so the walk visits folders in ordinal order.
                for (var i = subdirectories.Count - 1; i >= 0; i--)
                {
                    pending.Push(subdirectories[i]);
                }
            }
        }

        /// <summary>Records one file; false when a bound was reached and the walk must stop.</summary>
        private bool Visit(FileInfo file, string path, bool atRoot)
        {
            if (Files.Count >= limits.MaxFiles || (Files.Count % BudgetCheckEvery == 0 && timeProvider.GetElapsedTime(Started) > limits.TimeBudget))
            {
                Truncated = true;
                return false;
            }

            if (file.Length > limits.MaxFileBytes)
            {
                Skip(path, $"larger than {limits.MaxFileBytes} bytes", isDirectory: false);
                return true;
            }

            try
            {
                using var handle = File.OpenHandle(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var lines = CountLines(handle, out var binary);
                if (binary)
                {
                    Skip(path, "binary", isDirectory: false);
                    return true;
                }

                Files.Add(new ScannedFile(path, file.Length, lines)
                {
                    Definitions = LanguageCatalog.IsCode(path) ? CodeDefinitions.In(File.ReadAllText(file.FullName, Encoding.UTF8)) : [],
                });
                if (file.Length <= limits.MaxManifestBytes && IsManifest(file.Name, atRoot))
                {
                    Manifests.Add(new ManifestFile(path, File.ReadAllText(file.FullName, Encoding.UTF8)));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Skip(path, "unreadable: " + exception.GetType().Name, isDirectory: false);
            }

            return true;
        }

        private static bool IsManifest(string name, bool atRoot) =>
            (atRoot && RootManifests.Contains(name)) || name.EndsWith(".csproj", StringComparison.Ordinal) || name == "Directory.Packages.props";

        /// <summary>Counts lines ('\n', plus a last line without one); reports binary when the first 8 KB hold a NUL byte.</summary>
        private long CountLines(SafeFileHandle handle, out bool binary)
        {
            long lines = 0;
            long offset = 0;
            var last = (byte)'\n';
            binary = false;
            int read;
            while ((read = RandomAccess.Read(handle, _buffer, offset)) > 0)
            {
                var span = _buffer.AsSpan(0, read);
                if (offset < SniffBytes && span[..(int)Math.Min(read, SniffBytes - offset)].Contains((byte)0))
                {
                    binary = true;
                    return 0;
                }

                lines += span.Count((byte)'\n');
                last = span[^1];
                offset += read;
            }

            return offset == 0 ? 0 : lines + (last == (byte)'\n' ? 0 : 1);
        }

        private void Skip(string path, string reason, bool isDirectory)
        {
            if (isDirectory)
            {
                DirectoriesSkipped++;
            }
            else
            {
                FilesSkipped++;
            }

            if (Skipped.Count < limits.MaxSkippedListed)
            {
                Skipped.Add(new SkippedPath(path, reason));
            }
        }
    }
}
