using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution;

namespace OmoiOs.Tests.Core.Execution;

public sealed class AgentCommandTemplateTests
{
    [Fact]
    public void Expand_ClaudeTemplate_PromptPathBecomesAtFileMention()
    {
        var template = new AgentCommandTemplate("claude -p @{prompt} --permission-mode acceptEdits");

        var command = template.Expand("/workspace/.omoi/prompt.md", "ignored", "/workspace");

        Assert.Equal("claude -p @'/workspace/.omoi/prompt.md' --permission-mode acceptEdits", command);
    }

    [Fact]
    public void Expand_PromptTextWithQuotesAndPlaceholders_OneLiteralWordNeverReexpanded()
    {
        var template = new AgentCommandTemplate("agent --task {prompt_text} --cwd {workspace}");

        var command = template.Expand("/p", "it's {prompt} $(rm -rf /)", "/w");

        Assert.Equal("agent --task 'it'\\''s {prompt} $(rm -rf /)' --cwd '/w'", command);
    }

    [Fact]
    public void WithProgram_ReplacesFirstWordOnly()
    {
        var template = new AgentCommandTemplate("/home/me/agent.sh {prompt} --fast");

        Assert.Equal("'/workspace/.omoi/agent/agent.sh' {prompt} --fast", template.WithProgram("/workspace/.omoi/agent/agent.sh").Template);
        Assert.Equal("/home/me/agent.sh", template.Program);
    }

    [Fact]
    public void Constructor_Empty_ValidationFailedNamingSetting()
    {
        var error = Assert.Throws<ValidationFailedException>(() => new AgentCommandTemplate("  "));

        Assert.Contains("OMOI_AGENT", error.Errors.Keys);
    }
}
