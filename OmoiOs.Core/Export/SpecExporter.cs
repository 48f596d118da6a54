namespace OmoiOs.Core.Export;

/// <summary>Renders a spec in the requested layout; the hosts zip the files or serve one of them.</summary>
public static class SpecExporter
{
    public const string DraftNote = "> **Draft**: planning has not finished or waits for approval, so this may still change.";

    public static IReadOnlyList<ExportFile> Export(SpecExportFormat format, SpecExportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = format switch
        {
            SpecExportFormat.Kiro => KiroExporter.Export(source),
            SpecExportFormat.Speckit => SpecKitExporter.Export(source),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        return source.Draft ? files.Select(MarkDraft).ToList() : files;
    }

    /// <summary>The note goes under each file's title, where a reader looks first.</summary>
    private static ExportFile MarkDraft(ExportFile file)
    {
        var titleEnd = file.Content.IndexOf('\n', StringComparison.Ordinal);
        return titleEnd < 0
            ? file with { Content = $"{file.Content}\n\n{DraftNote}\n" }
            : file with { Content = $"{file.Content[..titleEnd]}\n\n{DraftNote}\n\n{file.Content[titleEnd..].TrimStart('\n')}" };
    }
}
