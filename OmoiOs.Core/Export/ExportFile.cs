namespace OmoiOs.Core.Export;

/// <summary>One exported Markdown file: its path inside the export (forward slashes) and its content.</summary>
public sealed record ExportFile(string Path, string Content);
