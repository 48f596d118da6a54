using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OmoiOs.Core.Planning;

/// <summary>
/// Rewrites a planner's JSON into the shape the records read: <c>snake_case</c> property names become camelCase
/// (prompts and models trained on the reference system write <c>codebase_summary</c>), and null members and null
/// array items are dropped so that the record's defaults apply instead of nulls in non-nullable members.
/// </summary>
internal static class PlannerJsonNormalizer
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="JsonException">The text is not JSON; the exception carries the line and position.</exception>
    public static byte[] Normalize(string json)
    {
        var input = Encoding.UTF8.GetBytes(json);
        var output = new ArrayBufferWriter<byte>(input.Length);
        var reader = new Utf8JsonReader(input, ReaderOptions);
        using (var writer = new Utf8JsonWriter(output))
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        writer.WritePropertyName(ToCamelCase(name));
                        CopyToken(ref reader, writer);
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null || reader.CurrentDepth == 0)
                {
                    CopyToken(ref reader, writer);
                }
            }
        }

        return output.WrittenSpan.ToArray();
    }

    private static void CopyToken(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>
    /// Only names that are clearly snake_case (lowercase words joined by underscores) are rewritten, so dictionary
    /// keys such as <c>TSK-001</c> or <c>REQ-AUTH-FUNC-001</c> pass through untouched.
    /// </summary>
    internal static string ToCamelCase(string name)
    {
        if (!IsSnakeCase(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        var upperNext = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }

    private static bool IsSnakeCase(string name)
    {
        if (name.Length < 3 || !char.IsAsciiLetterLower(name[0]) || name[^1] == '_' || !name.Contains('_', StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '_' && name[i - 1] != '_');
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
