using OmoiOs.Core.Export;
using static OmoiOs.Tests.Core.Export.ExportBuilders;

namespace OmoiOs.Tests.Core.Export;

public sealed class SpecExporterTests
{
    [Theory]
    [InlineData(SpecExportFormat.Kiro, ".kiro/specs/password-reset/")]
    [InlineData(SpecExportFormat.Speckit, "specs/001-password-reset/")]
    public void Export_Format_UsesThatLayout(SpecExportFormat format, string folder)
    {
        var files = SpecExporter.Export(format, Source());

        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.StartsWith(folder, f.Path, StringComparison.Ordinal));
        Assert.All(files, f => Assert.EndsWith("\n", f.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void Export_TitleWithoutLetters_FallsBackToTheSpecId()
    {
        var source = Source() with { Spec = Spec() with { Title = "!!!" } };

        Assert.StartsWith($"specs/001-{SpecId}/", SpecExporter.Export(SpecExportFormat.Speckit, source)[0].Path, StringComparison.Ordinal);
    }
}
