using System.Text.Json.Nodes;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Infrastructure.Planners;

/// <summary>Recorded provider responses (Samples/Planners) with the phase JSON put in, and phase requests to send.</summary>
internal static class LlmSamples
{
    public static string RequirementsJson { get; } = Read("requirements-output.json");

    public static string OpenAiCompletion(string content)
    {
        var completion = JsonNode.Parse(Read("openai-chat-completion.json"))!;
        completion["choices"]![0]!["message"]!["content"] = content;
        return completion.ToJsonString();
    }

    public static string AnthropicMessage(string text)
    {
        var message = JsonNode.Parse(Read("anthropic-message.json"))!;
        message["content"]![0]!["text"] = text;
        return message.ToJsonString();
    }

    public static PhaseRequest RequirementsRequest(string? feedback = null) => new()
    {
        Phase = SpecPhase.Requirements,
        SpecId = "spec-0001",
        Title = "Export specs as Markdown",
        Description = "Users want to download a spec as Kiro-style Markdown files.",
        RepositoryPath = "/repos/omoi",
        Feedback = feedback,
        Attempt = feedback is null ? 1 : 2,
    };

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Planners", name));
}
