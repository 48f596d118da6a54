using OmoiOs.Infrastructure.Planners.Llm;

namespace OmoiOs.Tests.Infrastructure.Planners.Llm;

public sealed class JsonReplyExtractorTests
{
    [Fact]
    public void Extract_PlainObjectWithWhitespace_ReturnsItTrimmed()
    {
        Assert.Equal("""{"a":1}""", JsonReplyExtractor.Extract("  {\"a\":1}\n"));
    }

    [Fact]
    public void Extract_MarkdownFence_ReturnsTheObjectInside()
    {
        Assert.Equal("{\n\"a\": [1, 2]\n}", JsonReplyExtractor.Extract("```json\n{\n\"a\": [1, 2]\n}\n```"));
    }

    [Fact]
    public void Extract_ProseAroundObject_ReturnsTheObject()
    {
        Assert.Equal("""{"a":{"b":"}"}}""", JsonReplyExtractor.Extract("""Sure! Here is the output: {"a":{"b":"}"}} Hope it helps."""));
    }

    [Theory]
    [InlineData("I cannot do that.")]
    [InlineData("{ not json }")]
    [InlineData("")]
    public void Extract_NoParsableObject_ReturnsTextUnchanged(string text)
    {
        Assert.Equal(text, JsonReplyExtractor.Extract(text));
    }

    [Theory]
    [InlineData("""{"a":1}""", true)]
    [InlineData("[1]", true)]
    [InlineData("{\"a\":", false)]
    [InlineData("", false)]
    public void IsJson_Text_TellsWhetherItParses(string text, bool expected)
    {
        Assert.Equal(expected, JsonReplyExtractor.IsJson(text));
    }
}
