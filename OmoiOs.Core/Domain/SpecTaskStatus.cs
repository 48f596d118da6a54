using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

[JsonConverter(typeof(SnakeCaseEnumConverter<SpecTaskStatus>))]
public enum SpecTaskStatus
{
    Pending,
    InProgress,
    Completed,
    Blocked,
    Failed,
}
