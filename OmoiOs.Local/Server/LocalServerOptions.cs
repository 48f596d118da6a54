namespace OmoiOs.Local.Server;

public sealed record LocalServerOptions
{
    public int Port { get; init; }

    /// <summary>Settings that override the environment (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
