using System.Text;
using OmoiOs.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Sandboxes;

public sealed class CappedOutputTests
{
    [Fact]
    public void Append_WithinLimit_KeepsEverythingExactly()
    {
        var output = new CappedOutput(20);
        Append(output, "hello ");
        Append(output, "world");

        Assert.Equal("hello world", output.ToString());
        Assert.False(output.Truncated);
        Assert.Equal(11, output.TotalBytes);
    }

    [Fact]
    public void Append_BeyondLimitInSmallChunks_KeepsHeadAndTailWithMarker()
    {
        var output = new CappedOutput(10);
        foreach (var c in "abcdefghijklmnopqrstuvwxyz")
        {
            Append(output, c.ToString());
        }

        Assert.True(output.Truncated);
        Assert.Equal(26, output.TotalBytes);
        Assert.Equal("abcde\n[... 16 bytes omitted; the command printed 26 bytes in all ...]\nvwxyz", output.ToString());
    }

    [Fact]
    public void Append_OneHugeChunk_KeepsItsEnd()
    {
        var output = new CappedOutput(8);
        Append(output, "0123456789ABCDEF");

        Assert.Equal("0123\n[... 8 bytes omitted; the command printed 16 bytes in all ...]\nCDEF", output.ToString());
    }

    [Fact]
    public void Append_ExactlyFillsHeadAndTail_NotTruncated()
    {
        var output = new CappedOutput(6);
        Append(output, "abc");
        Append(output, "de");
        Append(output, "f");

        Assert.False(output.Truncated);
        Assert.Equal("abcdef", output.ToString());
    }

    private static void Append(CappedOutput output, string text) => output.Append(Encoding.UTF8.GetBytes(text));
}
