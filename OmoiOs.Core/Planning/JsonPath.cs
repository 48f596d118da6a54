using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OmoiOs.Core.Planning;

/// <summary>
/// Follows a System.Text.Json path (<c>$.tasks[2].id</c>, <c>$['odd name']</c>) through a document and through
/// the serializer's metadata, to say what was found at the path and what type was expected there.
/// </summary>
internal static class JsonPath
{
    public static IReadOnlyList<string> Segments(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(path[i..Math.Min(path.Length, end + 1)]);
                i = Math.Min(path.Length, end + 1);
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    public static bool TryGetElement(JsonElement root, IReadOnlyList<string> segments, out JsonElement element)
    {
        element = root;
        foreach (var segment in segments)
        {
            if (IsIndex(segment, out var index))
            {
                if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                {
                    return false;
                }

                element = element[index];
            }
            else if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, segment, out element))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Property lookup that ignores case, as the deserializer does.</summary>
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static Type? ExpectedType(JsonTypeInfo root, IReadOnlyList<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            Type? next;
            if (current.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                next = current.ElementType;
            }
            else if (current.Kind == JsonTypeInfoKind.Object && !IsIndex(segment, out _))
            {
                next = current.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }
            else
            {
                return null;
            }

            if (next is null || current.Options.TypeInfoResolver?.GetTypeInfo(next, current.Options) is not { } nextInfo)
            {
                return next;
            }

            current = nextInfo;
        }

        return current.Type;
    }

    private static bool IsIndex(string segment, out int index)
    {
        index = 0;
        return segment.StartsWith('[') && segment.EndsWith(']') && int.TryParse(segment.AsSpan(1, segment.Length - 2), out index);
    }
}
