namespace OmoiOs.Tests.Deployment.Bicep;

/// <summary>One parsed .bicep file, with lookups by symbol and a resolver for vars.</summary>
internal sealed class BicepFile
{
    public BicepFile(string path, IReadOnlyList<BicepStatement> statements)
    {
        Path = path;
        Statements = statements;
    }

    /// <summary>The path relative to infra/bicep, with forward slashes.</summary>
    public string Path { get; }

    public IReadOnlyList<BicepStatement> Statements { get; }

    public IEnumerable<BicepParam> Params => Statements.OfType<BicepParam>();

    public IEnumerable<BicepVar> Vars => Statements.OfType<BicepVar>();

    public IEnumerable<BicepResource> Resources => Statements.OfType<BicepResource>();

    public IEnumerable<BicepModule> Modules => Statements.OfType<BicepModule>();

    public IEnumerable<BicepOutput> Outputs => Statements.OfType<BicepOutput>();

    public static BicepFile Parse(string path, string source)
    {
        try
        {
            return new BicepFile(path, BicepParser.ParseFile(source));
        }
        catch (FormatException exception)
        {
            throw new FormatException($"{path}: {exception.Message}", exception);
        }
    }

    public BicepResource? FindResource(string symbol) => Resources.FirstOrDefault(r => r.Name == symbol);

    /// <summary>Follows identifiers that name a var to the var's value; anything else is returned as is.</summary>
    public BicepExpression Resolve(BicepExpression expression)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (expression is BicepIdentifier identifier
            && Vars.FirstOrDefault(v => v.Name == identifier.Name) is { } variable
            && seen.Add(identifier.Name))
        {
            expression = variable.Value;
        }

        return expression;
    }

    /// <summary>Every expression in the file, depth first, including decorator arguments and string holes.</summary>
    public IEnumerable<BicepExpression> AllExpressions()
    {
        foreach (var statement in Statements)
        {
            foreach (var argument in statement.Decorators.SelectMany(d => d.Arguments))
            {
                foreach (var expression in Descendants(argument))
                {
                    yield return expression;
                }
            }

            var roots = statement switch
            {
                BicepTargetScope scope => [scope.Value],
                BicepParam { Default: { } value } => [value],
                BicepParam => [],
                BicepVar variable => [variable.Value],
                BicepResource resource => [resource.Body],
                BicepModule module => [module.Body],
                BicepOutput output => new[] { output.Value },
                _ => throw new InvalidOperationException($"unknown statement {statement.GetType().Name}"),
            };
            foreach (var expression in roots.SelectMany(Descendants))
            {
                yield return expression;
            }
        }
    }

    public static IEnumerable<BicepExpression> Descendants(BicepExpression root)
    {
        var stack = new Stack<BicepExpression>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var expression = stack.Pop();
            yield return expression;
            IEnumerable<BicepExpression> children = expression switch
            {
                BicepString text => text.Holes,
                BicepObject value => value.Properties.SelectMany(p => new[] { p.Key, p.Value }),
                BicepArray array => array.Items,
                BicepMemberAccess access => [access.Target],
                BicepIndex index => [index.Target, index.Index],
                BicepCall call => call.Target is null ? call.Arguments : call.Arguments.Prepend(call.Target),
                BicepUnary unary => [unary.Operand],
                BicepBinary binary => [binary.Left, binary.Right],
                BicepTernary ternary => [ternary.Condition, ternary.WhenTrue, ternary.WhenFalse],
                BicepFor loop => [loop.Source, loop.Body],
                BicepIf condition => [condition.Condition, condition.Body],
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
