using System.IO.Compression;
using System.Text;

namespace OmoiOs.Core.Export;

/// <summary>An export as one zip, built in memory, for <c>GET /api/specs/{id}/export</c>.</summary>
public static class ExportArchive
{
    public static byte[] Zip(IReadOnlyList<ExportFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                // A fixed time keeps the archive byte-identical for identical content.
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(file.Content));
            }
        }

        return buffer.ToArray();
    }
}
