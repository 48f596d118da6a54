using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Domain;

/// <summary>A phase whose output a person may have to approve before the workflow goes on.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ApprovalGate>))]
public enum ApprovalGate
{
    Requirements,
    Design,
}
