using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Infrastructure.Storage.Mapping;

/// <summary>
/// Typed reads and writes of table columns. A string longer than one property allows (64 KB of UTF-16) is
/// split over numbered columns and joined on read, so no value is ever cut short.
/// </summary>
internal static class EntityValues
{
    /// <summary>Characters per property: the service's limit is 64 KiB of UTF-16.</summary>
    public const int MaxCharsPerProperty = 32_000;

    private const string PartsSuffix = "__parts";

    public static void SetText(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= MaxCharsPerProperty)
        {
            entity[name] = value;
            return;
        }

        var index = 0;
        var part = 0;
        while (index < value.Length)
        {
            var length = Math.Min(MaxCharsPerProperty, value.Length - index);
            // Never split a surrogate pair: the service rejects a lone surrogate.
            if (index + length < value.Length && char.IsHighSurrogate(value[index + length - 1]))
            {
                length--;
            }

            entity[$"{name}__{part}"] = value.Substring(index, length);
            index += length;
            part++;
        }

        entity[name + PartsSuffix] = part;
    }

    public static string? GetText(TableEntity entity, string name)
    {
        if (entity.TryGetValue(name, out var value) && value is string text)
        {
            return text;
        }

        if (entity.GetInt32(name + PartsSuffix) is not int parts)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString($"{name}__{i}")));
    }

    public static string GetRequiredText(TableEntity entity, string name) =>
        GetText(entity, name) ?? throw new InvalidDataException($"Stored {entity.RowKey} has no '{name}' column.");

    public static void SetJson<T>(TableEntity entity, string name, T value, JsonTypeInfo<T> typeInfo) =>
        SetText(entity, name, JsonSerializer.Serialize(value, typeInfo));

    public static T? GetJson<T>(TableEntity entity, string name, JsonTypeInfo<T> typeInfo) =>
        GetText(entity, name) is { } json ? JsonSerializer.Deserialize(json, typeInfo) : default;

    public static void SetList(TableEntity entity, string name, IReadOnlyList<string> values) =>
        SetJson(entity, name, values.ToList(), StorageJsonContext.Default.ListString);

    public static IReadOnlyList<string> GetList(TableEntity entity, string name) =>
        GetJson(entity, name, StorageJsonContext.Default.ListString) ?? [];

    public static void SetEnum<TEnum>(TableEntity entity, string name, TEnum value)
        where TEnum : struct, Enum =>
        entity[name] = value.ToWire();

    public static TEnum GetEnum<TEnum>(TableEntity entity, string name)
        where TEnum : struct, Enum =>
        EnumNames.ParseWire<TEnum>(GetRequiredText(entity, name));

    public static TEnum? GetOptionalEnum<TEnum>(TableEntity entity, string name)
        where TEnum : struct, Enum =>
        GetText(entity, name) is { } text ? EnumNames.ParseWire<TEnum>(text) : null;

    // Tables has no decimal type; the invariant string keeps every digit of money amounts.
    public static void SetDecimal(TableEntity entity, string name, decimal value) =>
        entity[name] = value.ToString(CultureInfo.InvariantCulture);

    public static decimal GetDecimal(TableEntity entity, string name) =>
        GetText(entity, name) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : 0m;

    public static decimal? GetOptionalDecimal(TableEntity entity, string name) =>
        GetText(entity, name) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : null;
}
