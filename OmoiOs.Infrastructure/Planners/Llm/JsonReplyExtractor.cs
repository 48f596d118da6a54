using System.Text.Json;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>
/// Recovers the JSON object from a model's text when the model wrapped it (a Markdown fence, a sentence before it).
/// Text with no parsable object is returned unchanged: the phase evaluator turns it into feedback.
/// </summary>
internal static class JsonReplyExtractor
{
    public static string Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (IsJson(trimmed))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            var candidate = trimmed[start..(end + 1)];
            if (IsJson(candidate))
            {
                return candidate;
            }
        }

        return text;
    }

    public static bool IsJson(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
