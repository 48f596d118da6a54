using System.Net;

namespace OmoiOs.Local.Server.Security;

/// <summary>Who the local server answers: the hosts it serves and, optionally, only holders of a bearer token.</summary>
public sealed class LocalSecurityOptions
{
    /// <summary>A token every <c>/api</c> request but <c>GET /api/health</c> must carry as <c>Authorization: Bearer</c>; required when the server listens beyond loopback.</summary>
    [ConfigurationKeyName("OMOI_API_TOKEN")]
    public string ApiToken { get; set; } = "";

    /// <summary>Host names the server answers besides <c>localhost</c>, the loopback addresses and the address it listens on, comma-separated.</summary>
    [ConfigurationKeyName("OMOI_ALLOWED_HOSTS")]
    public string AllowedHosts { get; set; } = "";

    public bool RequiresToken => !string.IsNullOrEmpty(ApiToken);

    /// <summary>The Host header names answered when listening on <paramref name="listen"/>.</summary>
    public IReadOnlyList<string> HostNames(IPAddress listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var names = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (!listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
        {
            names.Add(listen.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen.ToString());
        }

        names.AddRange(AllowedHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
