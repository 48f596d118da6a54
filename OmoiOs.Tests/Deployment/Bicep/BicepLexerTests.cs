namespace OmoiOs.Tests.Deployment.Bicep;

public sealed class BicepLexerTests
{
    [Fact]
    public void Tokenize_CommentsAndWhitespace_DroppedButNewLinesKept()
    {
        var tokens = BicepLexer.Tokenize("var a = 1 // note\n/* block\n comment */ var b = 2");

        Assert.Equal(
            ["var", "a", "=", "1", "\n", "var", "b", "=", "2", ""],
            tokens.Select(t => t.Text));
        Assert.Equal(3, tokens[5].Line);
    }

    [Fact]
    public void Tokenize_InterpolatedString_KeepsLiteralsAndHoleTokens()
    {
        var token = BicepLexer.Tokenize("'ClientId=${identity.outputs.clientId};Authorization=AAD'")[0];

        Assert.Equal(BicepTokenKind.String, token.Kind);
        Assert.Equal(["ClientId=", ";Authorization=AAD"], token.Literals);
        Assert.Equal(["identity", ".", "outputs", ".", "clientId", ""], Assert.Single(token.Holes!).Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_HoleWithBracesAndNestedString_ClosesAtTheMatchingBrace()
    {
        var token = BicepLexer.Tokenize("'a${union({ b: 'c}' }, x).b}z'")[0];

        Assert.Equal(["a", "z"], token.Literals);
        Assert.Contains(Assert.Single(token.Holes!), t => t.Kind == BicepTokenKind.String && t.Text == "c}");
    }

    [Fact]
    public void Tokenize_Escapes_AreDecoded()
    {
        var token = BicepLexer.Tokenize(@"'it\'s \${not} a\\b\u{41}'")[0];

        Assert.Equal(@"it's ${not} a\bA", token.Text);
        Assert.Empty(token.Holes!);
    }

    [Fact]
    public void Tokenize_MultiLineString_IsRawAndCountsLines()
    {
        var tokens = BicepLexer.Tokenize("'''\nline ${raw}\n''' x");

        Assert.Equal("\nline ${raw}\n", tokens[0].Text);
        Assert.Equal(3, tokens[1].Line);
    }

    [Fact]
    public void Tokenize_TwoCharacterSymbols_AreOneToken()
    {
        var tokens = BicepLexer.Tokenize("a.?b ?? c != d && e");

        Assert.Equal([".?", "??", "!=", "&&"], tokens.Where(t => t.Kind == BicepTokenKind.Symbol).Select(t => t.Text));
    }

    [Theory]
    [InlineData("var a = 'open\n'", "line 1")]
    [InlineData("var a = 'x${b'", "line 1")]
    [InlineData("\nvar a = #", "line 2")]
    public void Tokenize_Malformed_FailsNamingTheLine(string source, string line)
    {
        var exception = Assert.Throws<FormatException>(() => BicepLexer.Tokenize(source));

        Assert.StartsWith(line, exception.Message, StringComparison.Ordinal);
    }
}
