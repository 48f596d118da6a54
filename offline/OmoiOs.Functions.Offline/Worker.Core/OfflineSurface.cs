namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// The one exception every member that would need the Functions host throws in the offline build.
/// Not part of any real package: internal, so nothing outside this assembly can depend on it.
/// </summary>
internal static class OfflineSurface
{
    public static NotSupportedException NeedsHost(string member) =>
        new($"offline reference surface: {member} needs the Azure Functions host; build with the real packages (see offline/README.md).");
}
