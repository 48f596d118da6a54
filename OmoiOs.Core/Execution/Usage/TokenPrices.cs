namespace OmoiOs.Core.Execution.Usage;

/// <summary>
/// List prices of the models the Codex and Gemini CLIs use, for tools that report tokens but no dollars. A model is
/// matched by the longest known prefix of its name (<c>gemini-2.5-pro-preview</c> → <c>gemini-2.5-pro</c>); a tool's
/// output that names no model is priced as that tool's default model. Figures are the providers' published standard
/// prices (2025, prompts up to 200k tokens); docs/sandboxes.md lists them.
/// </summary>
public static class TokenPrices
{
    /// <summary>Codex's default model, used when its output names none (<c>codex exec --json</c> never does).</summary>
    public const string CodexDefaultModel = "gpt-5-codex";

    /// <summary>Gemini CLI's default model, used when its <c>init</c> event names none.</summary>
    public const string GeminiDefaultModel = "gemini-2.5-pro";

    private static readonly Dictionary<string, TokenPrice> Table = new(StringComparer.Ordinal)
    {
        ["gpt-5"] = new(1.25m, 0.125m, 10m),
        ["gpt-5-codex"] = new(1.25m, 0.125m, 10m),
        ["gpt-5-mini"] = new(0.25m, 0.025m, 2m),
        ["gpt-5-nano"] = new(0.05m, 0.005m, 0.4m),
        ["o4-mini"] = new(1.10m, 0.275m, 4.40m),
        ["gpt-4.1"] = new(2m, 0.5m, 8m),
        ["gemini-2.5-pro"] = new(1.25m, 0.31m, 10m),
        ["gemini-2.5-flash"] = new(0.30m, 0.075m, 2.50m),
        ["gemini-2.5-flash-lite"] = new(0.10m, 0.025m, 0.40m),
    };

    /// <summary>The price of <paramref name="model"/>, else of <paramref name="fallbackModel"/>.</summary>
    public static TokenPrice For(string? model, string fallbackModel) =>
        Find(model) ?? Find(fallbackModel) ?? throw new ArgumentException($"No price for '{fallbackModel}'.", nameof(fallbackModel));

    private static TokenPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var name = model.Trim().ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        name = slash >= 0 ? name[(slash + 1)..] : name;
        return Table.Where(p => name.StartsWith(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
    }
}
