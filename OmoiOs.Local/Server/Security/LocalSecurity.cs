using System.Net;
using Microsoft.Extensions.Options;

namespace OmoiOs.Local.Server.Security;

/// <summary>
/// The local server's defences, registered and placed in one place: the Host check against DNS rebinding, refusal of
/// cross-site state changes, and the optional bearer token (docs/security.md).
/// </summary>
internal static class LocalSecurity
{
    public static IServiceCollection AddLocalSecurity(this IServiceCollection services, IConfiguration configuration, IPAddress listen)
    {
        services.AddOptions<LocalSecurityOptions>().Bind(configuration);
        var security = new LocalSecurityOptions();
        configuration.Bind(security);
        if (!IPAddress.IsLoopback(listen) && !security.RequiresToken)
        {
            throw new OptionsValidationException(
                "OMOI_API_TOKEN",
                typeof(LocalSecurityOptions),
                [$"OMOI_API_TOKEN is required when the server listens beyond loopback ({listen})."]);
        }

        services.AddSingleton(new HostGuard.Hosts(security.HostNames(listen)));
        return services;
    }

    /// <summary>Goes after the problem middleware and before every route.</summary>
    public static IApplicationBuilder UseLocalSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<HostGuard>();
        app.UseMiddleware<CrossSiteGuard>();
        app.UseMiddleware<BearerTokenGuard>();
        return app;
    }
}
