using OmoiOs.Core.Errors;
using OmoiOs.Core.Execution.Agents;

namespace OmoiOs.Tests.Core.Execution.Agents;

public sealed class AgentCatalogTests
{
    private static AgentCatalog CreateSut(string defaultName = "alpha") =>
        new([new("alpha", "alpha {prompt}", AgentOutputFormat.Claude), new("beta", "beta {prompt}", AgentOutputFormat.Codex)], defaultName);

    [Theory]
    [InlineData(null, "alpha")]
    [InlineData("  ", "alpha")]
    [InlineData("beta", "beta")]
    [InlineData(" BETA ", "beta")]
    public void Resolve_NameOrNothing_ThatAgentOrTheDefault(string? name, string expected) =>
        Assert.Equal(expected, CreateSut().Resolve(name).Name);

    [Theory]
    [InlineData("/root/some-secret.txt")]
    [InlineData("../../etc/passwd")]
    [InlineData("claude -p {prompt}")]
    [InlineData("gamma")]
    public void Resolve_AnythingButAName_FailsOnOptionsAgentListingTheAllowedNames(string name)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CreateSut().Resolve(name));

        Assert.Equal([AgentCatalog.Field], error.Errors.Keys);
        Assert.Contains("alpha, beta", error.Errors[AgentCatalog.Field][0]);
    }

    [Fact]
    public void Constructor_UnknownDefault_FailsNamingOmoiAgent() =>
        Assert.Contains("OMOI_AGENT", Assert.Throws<ValidationFailedException>(() => CreateSut("gamma")).Errors.Keys);

    [Theory]
    [InlineData("has space")]
    [InlineData("/usr/bin/x")]
    [InlineData("")]
    public void Constructor_MalformedName_FailsNamingOmoiAgents(string name) =>
        Assert.Contains("OMOI_AGENTS", Assert.Throws<ValidationFailedException>(() => new AgentCatalog([new(name, "x", AgentOutputFormat.Detect)], name)).Errors.Keys);

    [Fact]
    public void Constructor_LaterDefinitionOfAName_ReplacesTheEarlier() =>
        Assert.Equal("mine", new AgentCatalog([new("a", "preset", AgentOutputFormat.Claude), new("a", "mine", AgentOutputFormat.Claude)], "a").Resolve(null).CommandTemplate);
}
