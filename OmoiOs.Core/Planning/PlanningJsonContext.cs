using System.Text.Json;
using System.Text.Json.Serialization;
using OmoiOs.Core.Planning.Evaluation;
using OmoiOs.Core.Planning.Outputs;

namespace OmoiOs.Core.Planning;

/// <summary>
/// Source-generated JSON metadata for the phase outputs and their evaluation: camelCase properties,
/// enums as snake_case strings (their own converters). Reading is lenient about what planners often get
/// wrong but cannot hide a real error: trailing commas, comments and numbers written as strings are accepted;
/// a missing positional member of a record is an error.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ExploreOutput))]
[JsonSerializable(typeof(RequirementsOutput))]
[JsonSerializable(typeof(DesignOutput))]
[JsonSerializable(typeof(TasksOutput))]
[JsonSerializable(typeof(SyncOutput))]
[JsonSerializable(typeof(PhaseEvaluation))]
public sealed partial class PlanningJsonContext : JsonSerializerContext;
