using System.Text.Json.Serialization;
using OmoiOs.Core.Serialization;

namespace OmoiOs.Core.Planning.Ears;

/// <summary>The words that open an EARS clause: preconditions (While, Where) and triggers (When, If).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<EarsKeyword>))]
public enum EarsKeyword
{
    While,
    Where,
    When,
    If,
}
