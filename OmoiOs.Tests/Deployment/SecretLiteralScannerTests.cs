namespace OmoiOs.Tests.Deployment;

public sealed class SecretLiteralScannerTests
{
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc;EndpointSuffix=core.windows.net")]
    [InlineData("https://st.blob.core.windows.net/c?sv=2022-11-02&sig=AbCdEfGhIjKlMnOp%3D")]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000")]
    [InlineData("sk-ant-api03-abcdefghijklmnopqrstuvwx")]
    [InlineData("sk-proj1234567890abcdefghij")]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz012345")]
    [InlineData("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4")]
    public void Findings_CredentialLookingText_Flagged(string text)
    {
        Assert.NotEmpty(SecretLiteralScanner.Findings(text));
    }

    [Theory]
    [InlineData("Microsoft.Authorization/roleDefinitions")]
    [InlineData("@Microsoft.KeyVault(SecretUri=${…}secrets/daytona-api-key)")]
    [InlineData("ClientId=${…};Authorization=AAD")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("claude -p @{prompt} --output-format stream-json --permission-mode acceptEdits")]
    public void Findings_OrdinaryDeploymentText_NotFlagged(string text)
    {
        Assert.Empty(SecretLiteralScanner.Findings(text));
    }
}
