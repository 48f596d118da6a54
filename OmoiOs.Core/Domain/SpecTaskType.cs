using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

[JsonConverter(typeof(SnakeCaseEnumConverter<SpecTaskType>))]
public enum SpecTaskType
{
    Implementation,
    Refactor,
    Test,
    Documentation,
    Configuration,
    Research,
}
