using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Storage.Mapping;

/// <summary>Source-generated JSON for the structured columns of stored records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(SpecOptions))]
[JsonSerializable(typeof(WorkTaskResult))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
