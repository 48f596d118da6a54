namespace OmoiOs.Tests.Deployment.Bicep;

/// <summary>main.bicep and every module it reaches, parsed; the unit the deployment tests inspect.</summary>
internal sealed class BicepTemplate
{
    private BicepTemplate(string root, IReadOnlyList<BicepFile> files)
    {
        Root = root;
        Files = files;
    }

    /// <summary>The folder of main.bicep.</summary>
    public string Root { get; }

    /// <summary>main.bicep first, then modules in the order they are first referenced.</summary>
    public IReadOnlyList<BicepFile> Files { get; }

    public BicepFile Main => Files[0];

    public static BicepTemplate Load(string mainPath)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(mainPath))!;
        var files = new List<BicepFile>();
        var pending = new Queue<string>([Path.GetFullPath(mainPath)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Bicep module '{Path.GetRelativePath(root, path)}' does not exist.", path);
            }

            var file = BicepFile.Parse(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path));
            files.Add(file);
            foreach (var module in file.Modules.Where(m => !m.Path.StartsWith("br/", StringComparison.Ordinal) && !m.Path.StartsWith("ts/", StringComparison.Ordinal)))
            {
                pending.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, module.Path)));
            }
        }

        return new BicepTemplate(root, files);
    }

    public IEnumerable<(BicepFile File, BicepResource Resource)> Resources(string type) =>
        Files.SelectMany(f => f.Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).Select(r => (f, r)));

    public (BicepFile File, BicepResource Resource) SingleResource(string type, bool existing = false)
    {
        var matches = Resources(type).Where(r => r.Resource.IsExisting == existing).ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {(existing ? "existing " : "")}{type} resource, found {matches.Count}.");
        return matches[0];
    }
}
