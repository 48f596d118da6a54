namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>Entry point of the current (2.x) hosting model: <c>FunctionsApplication.CreateBuilder(args)</c>.</summary>
public class FunctionsApplication
{
    /// <exception cref="NotSupportedException">Always, offline: a builder needs the Functions host.</exception>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) =>
        throw OfflineSurface.NeedsHost(nameof(FunctionsApplication) + "." + nameof(CreateBuilder));
}
