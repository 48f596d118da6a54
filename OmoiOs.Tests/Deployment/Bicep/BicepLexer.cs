using System.Globalization;
using System.Text;

namespace OmoiOs.Tests.Deployment.Bicep;

internal enum BicepTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    NewLine,
    End,
}

/// <summary>A token; a String token carries its literal parts and the tokens of each <c>${…}</c> hole.</summary>
internal sealed record BicepToken(
    BicepTokenKind Kind,
    string Text,
    int Line,
    IReadOnlyList<string>? Literals = null,
    IReadOnlyList<IReadOnlyList<BicepToken>>? Holes = null)
{
    public bool Is(BicepTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(string text) => Is(BicepTokenKind.Symbol, text);

    public override string ToString() => Kind == BicepTokenKind.NewLine ? "end of line" : Kind == BicepTokenKind.End ? "end of file" : $"'{Text}'";
}

/// <summary>Splits Bicep source into tokens: comments dropped, newlines kept (they separate statements and items).</summary>
internal sealed class BicepLexer
{
    private static readonly string[] TwoCharSymbols = ["??", ".?", "==", "!=", "<=", ">=", "&&", "||", "=~", "!~", "=>", "::"];
    private const string OneCharSymbols = "{}[](),:.?=!<>+-*/%@";

    private readonly string _source;
    private int _position;
    private int _line = 1;

    private BicepLexer(string source) => _source = source;

    public static IReadOnlyList<BicepToken> Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new BicepLexer(source).Lex(insideHole: false);
    }

    private List<BicepToken> Lex(bool insideHole)
    {
        var tokens = new List<BicepToken>();
        var braceDepth = 0;
        while (true)
        {
            if (_position >= _source.Length)
            {
                if (insideHole)
                {
                    throw Error("an interpolation ${ is not closed");
                }

                tokens.Add(new BicepToken(BicepTokenKind.End, "", _line));
                return tokens;
            }

            var c = _source[_position];
            if (c is ' ' or '\t' or '\r')
            {
                _position++;
            }
            else if (c == '\n')
            {
                tokens.Add(new BicepToken(BicepTokenKind.NewLine, "\n", _line));
                _position++;
                _line++;
            }
            else if (StartsWith("//"))
            {
                while (_position < _source.Length && _source[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (StartsWith("/*"))
            {
                SkipBlockComment();
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _position;
                while (_position < _source.Length && (char.IsAsciiLetterOrDigit(_source[_position]) || _source[_position] == '_'))
                {
                    _position++;
                }

                tokens.Add(new BicepToken(BicepTokenKind.Identifier, _source[start.._position], _line));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = _position;
                while (_position < _source.Length && char.IsAsciiDigit(_source[_position]))
                {
                    _position++;
                }

                tokens.Add(new BicepToken(BicepTokenKind.Number, _source[start.._position], _line));
            }
            else if (StartsWith("'''"))
            {
                tokens.Add(LexMultiLineString());
            }
            else if (c == '\'')
            {
                tokens.Add(LexString());
            }
            else if (insideHole && c == '}' && braceDepth == 0)
            {
                _position++;
                tokens.Add(new BicepToken(BicepTokenKind.End, "", _line));
                return tokens;
            }
            else
            {
                var symbol = TwoCharSymbols.FirstOrDefault(StartsWith)
                    ?? (OneCharSymbols.Contains(c, StringComparison.Ordinal) ? c.ToString() : throw Error($"unexpected character '{c}'"));
                braceDepth += symbol == "{" ? 1 : symbol == "}" ? -1 : 0;
                _position += symbol.Length;
                tokens.Add(new BicepToken(BicepTokenKind.Symbol, symbol, _line));
            }
        }
    }

    private BicepToken LexString()
    {
        var line = _line;
        var literals = new List<string>();
        var holes = new List<IReadOnlyList<BicepToken>>();
        var text = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _source.Length || _source[_position] == '\n')
            {
                throw Error("a string is not closed on its line");
            }

            var c = _source[_position];
            if (c == '\'')
            {
                _position++;
                literals.Add(text.ToString());
                return new BicepToken(BicepTokenKind.String, string.Concat(literals), line, literals, holes);
            }

            if (c == '\\')
            {
                text.Append(LexEscape());
            }
            else if (StartsWith("${"))
            {
                _position += 2;
                literals.Add(text.ToString());
                text.Clear();
                holes.Add(Lex(insideHole: true));
            }
            else
            {
                text.Append(c);
                _position++;
            }
        }
    }

    private string LexEscape()
    {
        var next = _position + 1 < _source.Length ? _source[_position + 1] : '\0';
        _position += 2;
        switch (next)
        {
            case '\\': return "\\";
            case '\'': return "'";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case '$': return "$";
            case 'u' when _position < _source.Length && _source[_position] == '{':
                var close = _source.IndexOf('}', _position);
                var code = int.Parse(_source[(_position + 1)..close], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                _position = close + 1;
                return char.ConvertFromUtf32(code);
            default: throw Error($"unknown escape '\\{next}'");
        }
    }

    private BicepToken LexMultiLineString()
    {
        var line = _line;
        var end = _source.IndexOf("'''", _position + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("a ''' string is not closed");
        }

        var text = _source[(_position + 3)..end];
        _line += text.Count(ch => ch == '\n');
        _position = end + 3;
        return new BicepToken(BicepTokenKind.String, text, line, [text], []);
    }

    private void SkipBlockComment()
    {
        var end = _source.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("a /* comment is not closed");
        }

        _line += _source[_position..end].Count(ch => ch == '\n');
        _position = end + 2;
    }

    private bool StartsWith(string text) => string.CompareOrdinal(_source, _position, text, 0, text.Length) == 0;

    private FormatException Error(string message) => new($"line {_line}: {message}.");
}
