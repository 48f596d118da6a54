using System.Collections.Concurrent;
using System.Text.Json;

namespace OmoiOs.Core.Serialization;

/// <summary>The snake_case wire name of an enum value, and the value for a wire name.</summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd(value, static v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static bool TryParseWire<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static TEnum ParseWire<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParseWire<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToWire()))}.");
}
