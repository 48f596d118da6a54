namespace OmoiOs.Core.Planning.Grounding;

/// <summary>
/// A repository's file list (as EXPLORE's scan gave it) and the layout facts read from it: which folders exist,
/// where the tests are and how they are named. Answers "does this file exist" and "does this new file fit the layout"
/// for the planners and the evaluators alike, with no I/O.
/// </summary>
public sealed class RepositoryTree
{
    private readonly HashSet<string> _files;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "" };
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);

    public RepositoryTree(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files.Where(f => !string.IsNullOrWhiteSpace(f)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in _files.Order(StringComparer.Ordinal))
        {
            for (var slash = file.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = file.IndexOf('/', slash + 1))
            {
                _directories.Add(file[..slash]);
            }

            var name = NameOf(file);
            if (!_byName.TryGetValue(name, out var paths))
            {
                _byName[name] = paths = [];
            }

            paths.Add(file);
        }

        Tests = _files.Where(TestFiles.IsTest).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlySet<string> Files => _files;

    public bool IsEmpty => _files.Count == 0;

    /// <summary>The test files, in ordinal order.</summary>
    public IReadOnlyList<string> Tests { get; }

    public bool Contains(string path) => _files.Contains(path);

    /// <summary>Whether the folder holds at least one listed file ("" is the root).</summary>
    public bool DirectoryExists(string directory) => _directories.Contains(directory);

    /// <summary>The listed files with this file name, in ordinal order.</summary>
    public IReadOnlyList<string> WithName(string fileName) => _byName.TryGetValue(fileName, out var paths) ? paths : [];

    /// <summary>Why a new source (non-test) file does not fit: null when its folder exists or is one new folder below an existing one.</summary>
    public string? SourceLayoutProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = DirectoryOf(path);
        return DirectoryExists(directory) || DirectoryExists(DirectoryOf(directory))
            ? null
            : $"{path} is a new file in {directory}/, and neither that folder nor its parent exists";
    }

    /// <summary>
    /// Why a new test file does not follow the repository's test layout: null when it sits in a folder that already
    /// holds tests of its kind, beside sources where tests sit beside sources (x_test.go), or in a new sub-folder of a
    /// test root whose folders mirror the sources (X.Tests/Feature/ for X/Feature/), and its name follows the
    /// naming of the existing tests with its extension. A repository without tests accepts any existing folder or a
    /// top-level test folder.
    /// </summary>
    /// <param name="plannedFiles">Files the plan creates: a new test may mirror the folder of a new source file too.</param>
    public string? TestLayoutProblem(string path, IEnumerable<string> plannedFiles)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plannedFiles);
        var directory = DirectoryOf(path);
        var extension = ExtensionOf(path);
        var peers = Tests.Where(t => ExtensionOf(t) == extension).ToList();
        if (peers.Count == 0)
        {
            return DirectoryExists(directory) || (!directory.Contains('/', StringComparison.Ordinal) && TestFiles.IsTestDirectoryName(directory))
                ? null
                : $"{path} is a new test in {directory}/, which does not exist and is not a top-level test folder";
        }

        var schemes = peers.Select(TestFiles.SchemeOf).ToHashSet();
        if (!schemes.Contains(TestFiles.SchemeOf(path)))
        {
            return $"{path} is not named like the repository's {extension} tests (such as {Example(peers)})";
        }

        var testDirectories = peers.Select(DirectoryOf).ToHashSet(StringComparer.Ordinal);
        if (testDirectories.Contains(directory) || (Colocated(peers, extension) && HoldsSources(directory, extension)) || MirrorsSources(directory, peers, extension, plannedFiles))
        {
            return null;
        }

        return $"{path} is outside the test layout: {extension} tests live in {string.Join(", ", testDirectories.Order(StringComparer.Ordinal).Take(5).Select(d => d.Length == 0 ? "the root" : d + "/"))}";
    }

    public static string DirectoryOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string NameOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path[(path.LastIndexOf('/') + 1)..];
    }

    public static string ExtensionOf(string path)
    {
        var name = NameOf(path);
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[dot..];
    }

    private static string Example(List<string> peers) =>
        peers.OrderBy(p => TestFiles.NamingOf(NameOf(p)) is null ? 1 : 0).ThenBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).First();

    private bool HoldsSources(string directory, string extension) =>
        _files.Any(f => DirectoryOf(f) == directory && ExtensionOf(f) == extension && !TestFiles.IsTest(f));

    private bool Colocated(List<string> peers, string extension) => peers.Any(t => HoldsSources(DirectoryOf(t), extension));

    /// <summary>A new test folder below a test root is in the layout when it mirrors a source folder and the root already mirrors sources.</summary>
    private bool MirrorsSources(string directory, List<string> peers, string extension, IEnumerable<string> plannedFiles)
    {
        var sourceDirectories = _files.Concat(plannedFiles).Where(f => ExtensionOf(f) == extension && !TestFiles.IsTest(f)).Select(DirectoryOf)
            .Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var root in peers.Select(TestRootOf).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!directory.StartsWith(root + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var below = directory[(root.Length + 1)..];
            var rootMirrors = peers.Select(DirectoryOf).Where(d => d.StartsWith(root + "/", StringComparison.Ordinal))
                .Any(d => sourceDirectories.Any(s => Mirrors(d[(root.Length + 1)..], s)));
            if (rootMirrors && sourceDirectories.Any(s => Mirrors(below, s)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest folder above a test that marks tests (tests/, src/test/, X.Tests/); null when none does.</summary>
    private static string? TestRootOf(string test)
    {
        var segments = test.Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (TestFiles.IsTestDirectoryName(segments[i]))
            {
                return string.Join('/', segments[..(i + 1)]);
            }
        }

        return null;
    }

    /// <summary>Whether a folder path below a test root mirrors a source folder: it is the source folder's tail (java/com/x for src/main/java/com/x), or the source folder with its project's prefix dropped (Core/Planning for OmoiOs.Core/Planning).</summary>
    private static bool Mirrors(string below, string source)
    {
        if (below.Length == 0)
        {
            return false;
        }

        if (source == below || source.EndsWith("/" + below, StringComparison.Ordinal))
        {
            return true;
        }

        var first = source.Split('/')[0];
        var dot = first.LastIndexOf('.');
        return dot > 0 && first[(dot + 1)..] + source[first.Length..] == below;
    }
}
