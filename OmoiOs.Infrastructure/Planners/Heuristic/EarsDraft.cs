using OmoiOs.Core.Domain;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// One statement rewritten as an EARS requirement: <see cref="Text"/> is the whole sentence,
/// <see cref="Trigger"/> the condition without its keyword, <see cref="Response"/> what follows "shall".
/// </summary>
public sealed record EarsDraft
{
    public required EarsPattern Pattern { get; init; }

    /// <summary>The clause's keyword (When, If, While, Where); empty for a ubiquitous requirement.</summary>
    public string Keyword { get; init; } = "";

    public string Trigger { get; init; } = "";

    /// <summary>The system named in the sentence, with its article: "the system", "the command line".</summary>
    public required string System { get; init; }

    public required string Response { get; init; }

    /// <summary>What the draft changed to satisfy EARS (vague words dropped, bounds chosen).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The condition clause with its keyword ("When the flag is given"); empty for a ubiquitous requirement.</summary>
    public string Condition => Keyword.Length == 0 ? "" : $"{Keyword} {Trigger}";

    public string Text => Pattern switch
    {
        EarsPattern.Ubiquitous => $"{Words.Capitalize(System)} shall {Response}.",
        EarsPattern.UnwantedBehaviour => $"{Condition}, then {System} shall {Response}.",
        _ => $"{Condition}, {System} shall {Response}.",
    };
}
