using System.Globalization;

namespace OmoiOs.Tests.Deployment.Bicep;

/// <summary>
/// A recursive-descent parser for the Bicep constructs infra/bicep uses: targetScope, param, var,
/// resource, module, output, decorators, objects, arrays, strings with interpolation, calls, member
/// access, operators, ternaries, conditions and for-expressions. Anything else is a FormatException
/// naming the line, so a new construct cannot slip past the deployment tests unread.
/// </summary>
internal sealed class BicepParser
{
    private static readonly string[][] BinaryLevels =
    [
        ["??"],
        ["||"],
        ["&&"],
        ["==", "!=", "=~", "!~"],
        ["<", ">", "<=", ">="],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private readonly IReadOnlyList<BicepToken> _tokens;
    private int _index;

    private BicepParser(IReadOnlyList<BicepToken> tokens) => _tokens = tokens;

    public static IReadOnlyList<BicepStatement> ParseFile(string source)
    {
        var parser = new BicepParser(BicepLexer.Tokenize(source));
        var statements = new List<BicepStatement>();
        parser.SkipNewLines();
        while (parser.Current.Kind != BicepTokenKind.End)
        {
            statements.Add(parser.ParseStatement());
            parser.ExpectEndOfLine();
            parser.SkipNewLines();
        }

        return statements;
    }

    public static BicepExpression ParseExpression(string source)
    {
        var parser = new BicepParser(BicepLexer.Tokenize(source));
        parser.SkipNewLines();
        var expression = parser.ParseExpression();
        parser.SkipNewLines();
        parser.Expect(BicepTokenKind.End);
        return expression;
    }

    private BicepToken Current => _tokens[_index];

    private BicepStatement ParseStatement()
    {
        var decorators = new List<BicepDecorator>();
        while (Current.IsSymbol("@"))
        {
            decorators.Add(ParseDecorator());
            SkipNewLines();
        }

        var line = Current.Line;
        var keyword = Expect(BicepTokenKind.Identifier).Text;
        switch (keyword)
        {
            case "targetScope":
                ExpectSymbol("=");
                return new BicepTargetScope(line, ParseExpression());
            case "param":
            {
                var name = Expect(BicepTokenKind.Identifier).Text;
                var type = Expect(BicepTokenKind.Identifier).Text;
                BicepExpression? defaultValue = null;
                if (TryConsumeSymbol("="))
                {
                    defaultValue = ParseExpression();
                }

                return new BicepParam(line, name, type, defaultValue, decorators);
            }

            case "var":
            {
                var name = Expect(BicepTokenKind.Identifier).Text;
                ExpectSymbol("=");
                return new BicepVar(line, name, ParseExpression(), decorators);
            }

            case "resource":
            {
                var name = Expect(BicepTokenKind.Identifier).Text;
                var typeToken = Expect(BicepTokenKind.String);
                var typeAndVersion = PlainText(typeToken);
                var at = typeAndVersion.LastIndexOf('@');
                if (at <= 0)
                {
                    throw Error(typeToken, $"resource type '{typeAndVersion}' has no @apiVersion");
                }

                var isExisting = Current.Is(BicepTokenKind.Identifier, "existing");
                if (isExisting)
                {
                    _index++;
                }

                ExpectSymbol("=");
                return new BicepResource(line, name, typeAndVersion[..at], typeAndVersion[(at + 1)..], isExisting, ParseDeclarationBody(), decorators);
            }

            case "module":
            {
                var name = Expect(BicepTokenKind.Identifier).Text;
                var path = PlainText(Expect(BicepTokenKind.String));
                ExpectSymbol("=");
                return new BicepModule(line, name, path, ParseDeclarationBody(), decorators);
            }

            case "output":
            {
                var name = Expect(BicepTokenKind.Identifier).Text;
                var type = Expect(BicepTokenKind.Identifier).Text;
                ExpectSymbol("=");
                return new BicepOutput(line, name, type, ParseExpression(), decorators);
            }

            default:
                throw Error(_tokens[_index - 1], $"unsupported statement '{keyword}'");
        }
    }

    private BicepDecorator ParseDecorator()
    {
        ExpectSymbol("@");
        var name = Expect(BicepTokenKind.Identifier).Text;
        if (TryConsumeSymbol("."))
        {
            name = Expect(BicepTokenKind.Identifier).Text;
        }

        ExpectSymbol("(");
        return new BicepDecorator(name, ParseArguments());
    }

    private BicepExpression ParseDeclarationBody()
    {
        if (Current.Is(BicepTokenKind.Identifier, "if"))
        {
            var line = Current.Line;
            _index++;
            ExpectSymbol("(");
            SkipNewLines();
            var condition = ParseExpression();
            SkipNewLines();
            ExpectSymbol(")");
            return new BicepIf(line, condition, ParseObject());
        }

        return Current.IsSymbol("[") ? ParsePrimary() : ParseObject();
    }

    private BicepExpression ParseExpression()
    {
        var condition = ParseBinary(0);
        if (!Current.IsSymbol("?"))
        {
            return condition;
        }

        _index++;
        var whenTrue = ParseExpression();
        ExpectSymbol(":");
        return new BicepTernary(condition.Line, condition, whenTrue, ParseExpression());
    }

    private BicepExpression ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (Current.Kind == BicepTokenKind.Symbol && BinaryLevels[level].Contains(Current.Text))
        {
            var op = Current.Text;
            _index++;
            left = new BicepBinary(left.Line, op, left, ParseBinary(level + 1));
        }

        return left;
    }

    private BicepExpression ParseUnary()
    {
        if (Current.IsSymbol("!") || Current.IsSymbol("-"))
        {
            var token = Current;
            _index++;
            return new BicepUnary(token.Line, token.Text, ParseUnary());
        }

        return ParsePostfix(ParsePrimary());
    }

    private BicepExpression ParsePostfix(BicepExpression expression)
    {
        while (true)
        {
            if (Current.IsSymbol(".") || Current.IsSymbol(".?"))
            {
                var isSafe = Current.Text == ".?";
                _index++;
                var member = Expect(BicepTokenKind.Identifier).Text;
                expression = TryConsumeSymbol("(")
                    ? new BicepCall(expression.Line, expression, member, ParseArguments())
                    : new BicepMemberAccess(expression.Line, expression, member, isSafe);
            }
            else if (Current.IsSymbol("["))
            {
                _index++;
                SkipNewLines();
                var index = ParseExpression();
                SkipNewLines();
                ExpectSymbol("]");
                expression = new BicepIndex(expression.Line, expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private BicepExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case BicepTokenKind.Number:
                _index++;
                return new BicepNumber(token.Line, long.Parse(token.Text, CultureInfo.InvariantCulture));
            case BicepTokenKind.String:
                _index++;
                return ToStringExpression(token);
            case BicepTokenKind.Identifier:
                _index++;
                return token.Text switch
                {
                    "true" => new BicepBool(token.Line, true),
                    "false" => new BicepBool(token.Line, false),
                    "null" => new BicepNull(token.Line),
                    _ when TryConsumeSymbol("(") => new BicepCall(token.Line, null, token.Text, ParseArguments()),
                    _ => new BicepIdentifier(token.Line, token.Text),
                };
            case BicepTokenKind.Symbol when token.Text == "{":
                return ParseObject();
            case BicepTokenKind.Symbol when token.Text == "[":
                return ParseArrayOrFor();
            case BicepTokenKind.Symbol when token.Text == "(":
            {
                _index++;
                SkipNewLines();
                var inner = ParseExpression();
                SkipNewLines();
                ExpectSymbol(")");
                return inner;
            }

            default:
                throw Error(token, $"expected an expression, found {token}");
        }
    }

    private BicepObject ParseObject()
    {
        var line = Current.Line;
        ExpectSymbol("{");
        var properties = new List<BicepProperty>();
        SkipNewLines();
        while (!TryConsumeSymbol("}"))
        {
            var keyToken = Current;
            BicepExpression key = keyToken.Kind switch
            {
                BicepTokenKind.Identifier => new BicepIdentifier(keyToken.Line, keyToken.Text),
                BicepTokenKind.String => ToStringExpression(keyToken),
                _ => throw Error(keyToken, $"expected a property name, found {keyToken}"),
            };
            _index++;
            ExpectSymbol(":");
            properties.Add(new BicepProperty(key, ParseExpression()));
            ExpectItemSeparator("}");
        }

        return new BicepObject(line, properties);
    }

    private BicepExpression ParseArrayOrFor()
    {
        var line = Current.Line;
        ExpectSymbol("[");
        SkipNewLines();
        if (Current.Is(BicepTokenKind.Identifier, "for"))
        {
            return ParseForBody(line);
        }

        var items = new List<BicepExpression>();
        while (!TryConsumeSymbol("]"))
        {
            items.Add(ParseExpression());
            ExpectItemSeparator("]");
        }

        return new BicepArray(line, items);
    }

    private BicepFor ParseForBody(int line)
    {
        _index++;
        string item;
        string? index = null;
        if (TryConsumeSymbol("("))
        {
            item = Expect(BicepTokenKind.Identifier).Text;
            ExpectSymbol(",");
            index = Expect(BicepTokenKind.Identifier).Text;
            ExpectSymbol(")");
        }
        else
        {
            item = Expect(BicepTokenKind.Identifier).Text;
        }

        if (!Current.Is(BicepTokenKind.Identifier, "in"))
        {
            throw Error(Current, $"expected 'in', found {Current}");
        }

        _index++;
        var source = ParseExpression();
        ExpectSymbol(":");
        var body = Current.Is(BicepTokenKind.Identifier, "if") ? ParseDeclarationBody() : ParseExpression();
        SkipNewLines();
        ExpectSymbol("]");
        return new BicepFor(line, item, index, source, body);
    }

    private List<BicepExpression> ParseArguments()
    {
        var arguments = new List<BicepExpression>();
        SkipNewLines();
        while (!TryConsumeSymbol(")"))
        {
            arguments.Add(ParseExpression());
            SkipNewLines();
            if (!Current.IsSymbol(")"))
            {
                ExpectSymbol(",");
                SkipNewLines();
            }
        }

        return arguments;
    }

    private static BicepString ToStringExpression(BicepToken token)
    {
        var holes = token.Holes!.Select(tokens =>
        {
            var parser = new BicepParser(tokens);
            var expression = parser.ParseExpression();
            parser.Expect(BicepTokenKind.End);
            return expression;
        }).ToList();
        return new BicepString(token.Line, token.Literals!, holes);
    }

    private static string PlainText(BicepToken token) =>
        token.Holes is { Count: 0 } ? token.Text : throw Error(token, "expected a string without interpolation");

    private void ExpectItemSeparator(string closer)
    {
        if (Current.IsSymbol(closer))
        {
            return;
        }

        if (!TryConsumeSymbol(",") && Current.Kind != BicepTokenKind.NewLine)
        {
            throw Error(Current, $"expected a new line, ',' or '{closer}', found {Current}");
        }

        SkipNewLines();
    }

    private void ExpectEndOfLine()
    {
        if (Current.Kind is not (BicepTokenKind.NewLine or BicepTokenKind.End))
        {
            throw Error(Current, $"expected the end of the statement, found {Current}");
        }
    }

    private void SkipNewLines()
    {
        while (Current.Kind == BicepTokenKind.NewLine)
        {
            _index++;
        }
    }

    private bool TryConsumeSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }

        _index++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TryConsumeSymbol(symbol))
        {
            throw Error(Current, $"expected '{symbol}', found {Current}");
        }
    }

    private BicepToken Expect(BicepTokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Error(token, $"expected {kind.ToString().ToLowerInvariant()}, found {token}");
        }

        _index++;
        return token;
    }

    private static FormatException Error(BicepToken token, string message) => new($"line {token.Line}: {message}.");
}
