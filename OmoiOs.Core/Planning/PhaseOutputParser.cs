using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning;

/// <summary>
/// Reads a planner's reply (JSON, possibly inside a Markdown fence or prose) into a phase output record, or
/// says precisely why it cannot: not JSON, the wrong shape, or a missing part. Bad input never throws.
/// </summary>
public static class PhaseOutputParser
{
    private const int QuoteLength = 60;

    // Paths that must be present; "x[]" means "for every item of the array x".
    private static readonly Dictionary<Type, string[]> RequiredParts = new()
    {
        [typeof(ExploreOutput)] = ["codebaseSummary"],
        [typeof(RequirementsOutput)] = ["requirements", "requirements[].id", "requirements[].text"],
        [typeof(DesignOutput)] = ["components", "components[].name"],
        [typeof(TasksOutput)] = ["tasks", "tasks[].id", "tasks[].title"],
        [typeof(SyncOutput)] = ["validation", "coverage", "dependencies"],
        [typeof(PhaseEvaluation)] = ["phase", "score", "checks"],
    };

    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a type of <see cref="PlanningJsonContext"/>.</exception>
    public static ParsedOutput<T> Parse<T>(string? text)
        where T : class
    {
        if (PlanningJsonContext.Default.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> typeInfo)
        {
            throw new ArgumentException($"{typeof(T).Name} is not a phase output type of {nameof(PlanningJsonContext)}.", nameof(T));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail<T>(OutputProblemKind.NotJson, "$", "the output is empty");
        }

        if (Normalize(text, out var normalized) is { } notJson)
        {
            return new ParsedOutput<T>(null, [notJson]);
        }

        using var document = JsonDocument.Parse(normalized);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail<T>(OutputProblemKind.WrongShape, "$", $"expected a JSON object, found {Describe(root)}");
        }

        var problems = new List<OutputProblem>();
        foreach (var part in RequiredParts.GetValueOrDefault(typeof(T), []))
        {
            FindMissing(root, part.Split('.'), 0, "$", problems);
        }

        T? value = null;
        try
        {
            value = root.Deserialize(typeInfo);
        }
        catch (JsonException exception)
        {
            problems.Add(DescribeShapeError(exception, root, typeInfo));
        }

        return problems.Count == 0 && value is not null ? new ParsedOutput<T>(value, []) : new ParsedOutput<T>(null, problems);
    }

    private static OutputProblem? Normalize(string text, out byte[] normalized)
    {
        // When nothing reads, the longest candidate is the likeliest intended JSON, so its error is the one reported.
        JsonException? error = null;
        var longest = -1;
        foreach (var candidate in JsonCandidates.Find(text))
        {
            try
            {
                normalized = PlannerJsonNormalizer.Normalize(candidate);
                return null;
            }
            catch (JsonException exception)
            {
                if (candidate.Length > longest)
                {
                    (error, longest) = (exception, candidate.Length);
                }
            }
        }

        normalized = [];
        if (error is null)
        {
            return new OutputProblem(OutputProblemKind.NotJson, "$", $"no JSON object found in the output, which begins \"{Quote(text.Trim())}\"");
        }

        var where = error.LineNumber is { } line ? $" (line {line + 1}, position {error.BytePositionInLine + 1} of the JSON)" : "";
        return new OutputProblem(OutputProblemKind.NotJson, "$", $"not valid JSON: {CleanMessage(error.Message)}{where}");
    }

    private static void FindMissing(JsonElement element, string[] segments, int index, string path, List<OutputProblem> problems)
    {
        if (index == segments.Length || element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var segment = segments[index];
        var eachItem = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = eachItem ? segment[..^2] : segment;
        if (!JsonPath.TryGetProperty(element, name, out var value))
        {
            // "x" and "x[].y" both notice a missing x; say it once.
            var missing = new OutputProblem(OutputProblemKind.MissingPart, $"{path}.{name}", "is required but missing");
            if (!problems.Contains(missing))
            {
                problems.Add(missing);
            }

            return;
        }

        if (!eachItem)
        {
            FindMissing(value, segments, index + 1, $"{path}.{name}", problems);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var position = 0;
        foreach (var item in value.EnumerateArray())
        {
            FindMissing(item, segments, index + 1, $"{path}.{name}[{position++}]", problems);
        }
    }

    private static OutputProblem DescribeShapeError(JsonException exception, JsonElement root, JsonTypeInfo typeInfo)
    {
        var path = exception.Path ?? "$";
        var segments = JsonPath.Segments(path);
        var expected = JsonPath.ExpectedType(typeInfo, segments);
        var found = JsonPath.TryGetElement(root, segments, out var element) ? element : (JsonElement?)null;
        var expectation = expected is null || found is null ? null : Expectation(Nullable.GetUnderlyingType(expected) ?? expected, found.Value);
        return new OutputProblem(OutputProblemKind.WrongShape, path, expectation ?? CleanMessage(exception.Message));
    }

    /// <summary>"expected …, found …" when the found value's kind does not fit the expected type; null when it does.</summary>
    private static string? Expectation(Type expected, JsonElement found)
    {
        if (expected.IsEnum)
        {
            var names = Enum.GetNames(expected).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName);
            return $"{Describe(found)} is not one of {string.Join(", ", names)}";
        }

        var (wanted, fits) = Type.GetTypeCode(expected) switch
        {
            TypeCode.String => ("a string", found.ValueKind == JsonValueKind.String),
            TypeCode.Boolean => ("true or false", found.ValueKind is JsonValueKind.True or JsonValueKind.False),
            TypeCode.Int32 or TypeCode.Int64 or TypeCode.Double or TypeCode.Decimal or TypeCode.Single =>
                ("a number", found.ValueKind == JsonValueKind.Number),
            _ when expected != typeof(string) && expected.IsAssignableTo(typeof(System.Collections.IEnumerable))
                && !IsDictionary(expected) => ("an array", found.ValueKind == JsonValueKind.Array),
            _ => ("an object", found.ValueKind == JsonValueKind.Object),
        };
        return fits ? null : $"expected {wanted}, found {Describe(found)}";
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>));

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"\"{Quote(element.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Quote(string text) => text.Length <= QuoteLength ? text : string.Concat(text.AsSpan(0, QuoteLength), "…");

    /// <summary>System.Text.Json appends "Path: … | LineNumber: …" to its messages; the problem carries the path itself.</summary>
    private static string CleanMessage(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.Trim().TrimEnd('.');
    }

    private static ParsedOutput<T> Fail<T>(OutputProblemKind kind, string path, string message)
        where T : class =>
        new ParsedOutput<T>(null, [new OutputProblem(kind, path, message)]);
}
