namespace OmoiOs.Core.Export;

/// <summary>Renders a spec in the requested layout; the hosts zip the files or serve one of them.</summary>
public static class SpecExporter
{
    public static IReadOnlyList<ExportFile> Export(SpecExportFormat format, SpecExportSource source) => format switch
    {
        SpecExportFormat.Kiro => KiroExporter.Export(source),
        SpecExportFormat.Speckit => SpecKitExporter.Export(source),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
