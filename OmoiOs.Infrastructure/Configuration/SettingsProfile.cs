namespace OmoiOs.Infrastructure.Configuration;

/// <summary>Where the Functions host runs, which decides the settings it needs.</summary>
public enum SettingsProfile
{
    /// <summary><c>func start</c> on a developer machine: Azurite, bubblewrap, connection strings allowed.</summary>
    Local,

    /// <summary>Azure Functions: identity-based storage, Daytona sandboxes, telemetry with Entra auth.</summary>
    Azure,
}
