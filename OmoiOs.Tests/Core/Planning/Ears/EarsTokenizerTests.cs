using OmoiOs.Core.Planning.Ears;

namespace OmoiOs.Tests.Core.Planning.Ears;

public sealed class EarsTokenizerTests
{
    [Fact]
    public void Tokenize_Sentence_KeepsOffsetsAndKinds()
    {
        const string text = "When X, the system shall log.";

        var tokens = EarsTokenizer.Tokenize(text);

        Assert.Equal(["When", "X", ",", "the", "system", "shall", "log", "."], tokens.Select(t => t.TextIn(text)));
        Assert.Equal([0, 5, 6, 8, 12, 19, 25, 28], tokens.Select(t => t.Start));
        Assert.Equal(EarsTokenKind.Punctuation, tokens[2].Kind);
        Assert.Equal(EarsTokenKind.Word, tokens[3].Kind);
    }

    [Theory]
    [InlineData("user-friendly", "user-friendly")]
    [InlineData("don't", "don't")]
    [InlineData("3.5", "3.5")]
    [InlineData("and/or", "and/or")]
    [InlineData("99.9%", "99.9%")]
    [InlineData("e.g.", "e.g|.")]
    [InlineData("api/v1/users", "api/v1/users")]
    [InlineData("trailing- dash", "trailing|-|dash")]
    public void Tokenize_WordConnectors_StayInsideWords(string text, string expected)
    {
        var tokens = EarsTokenizer.Tokenize(text);

        Assert.Equal(expected, string.Join("|", tokens.Select(t => t.TextIn(text))));
    }

    [Theory]
    [InlineData("say \"when, if\" now", "\"when, if\"")]
    [InlineData("say \u201Cwhen\u201D now", "\u201Cwhen\u201D")]
    [InlineData("run `if x` now", "`if x`")]
    [InlineData("press 'Cancel' now", "'Cancel'")]
    public void Tokenize_Quotation_IsOneQuotedToken(string text, string quoted)
    {
        var token = Assert.Single(EarsTokenizer.Tokenize(text), t => t.Kind == EarsTokenKind.Quoted);

        Assert.Equal(quoted, token.TextIn(text));
    }

    [Fact]
    public void Tokenize_UnclosedQuote_IsPunctuation()
    {
        const string text = "say \"when now";

        var tokens = EarsTokenizer.Tokenize(text);

        Assert.Equal(EarsTokenKind.Punctuation, tokens[1].Kind);
        Assert.Equal("when", tokens[2].TextIn(text));
    }
}
