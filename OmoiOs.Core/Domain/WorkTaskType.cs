using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

[JsonConverter(typeof(SnakeCaseEnumConverter<WorkTaskType>))]
public enum WorkTaskType
{
    ImplementFeature,
    Refactor,
    WriteTests,
    WriteDocs,
    Configure,
    Research,
}
