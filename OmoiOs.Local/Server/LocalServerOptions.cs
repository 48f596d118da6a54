namespace OmoiOs.Local.Server;

public sealed record LocalServerOptions
{
    public int Port { get; init; }

    /// <summary>The address to listen on; beyond loopback the server requires <c>OMOI_API_TOKEN</c>.</summary>
    public System.Net.IPAddress ListenAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Settings that override the environment (tests use this).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
