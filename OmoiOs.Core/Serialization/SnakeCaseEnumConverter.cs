using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmoiOs.Core.Serialization;

/// <summary>Writes enum values as snake_case strings (<c>awaiting_approval</c>), the API's convention.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
