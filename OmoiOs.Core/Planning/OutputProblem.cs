using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning;

/// <summary>What is wrong with a planner's output, at a JSON path (<c>$.tasks[2].id</c>).</summary>
public sealed record OutputProblem(OutputProblemKind Kind, string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Why a planner output could not be read.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<OutputProblemKind>))]
public enum OutputProblemKind
{
    /// <summary>No JSON object could be read from the text.</summary>
    NotJson,

    /// <summary>JSON, but a value has the wrong type or the root is not an object.</summary>
    WrongShape,

    /// <summary>JSON of the right shape that lacks a part the phase cannot do without.</summary>
    MissingPart,
}
