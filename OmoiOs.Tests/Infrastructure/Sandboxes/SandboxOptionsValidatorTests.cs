using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmoiOs.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Sandboxes;

public sealed class SandboxOptionsValidatorTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public SandboxOptionsValidatorTests()
    {
        Directory.CreateDirectory(_root.Combine("workspaces", "spec-1"));
        Directory.CreateDirectory(_root.Combine("toolchain", "bin"));
    }

    [Fact]
    public void Validate_ToolchainOutsideTheWorkspaceRootWithItsBinOnPath_Accepted()
    {
        var options = Options(_root.Combine("toolchain") + ",/usr/share", _root.Combine("toolchain", "bin") + ":/usr/local/bin");

        Assert.Equal([_root.Combine("toolchain"), "/usr/share"], options.ReadOnlyPathList());
        Assert.Equal([_root.Combine("toolchain", "bin"), "/usr/local/bin"], options.SandboxPathList());
    }

    [Theory]
    [InlineData("relative/tools", "'relative/tools' is not an absolute path")]
    [InlineData("{root}/missing", "does not exist")]
    [InlineData("{root}/workspaces/spec-1", "overlaps the workspace root")]
    [InlineData("{root}", "overlaps the workspace root")]
    public void Validate_BadReadOnlyPath_FailsNamingTheSetting(string path, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(path.Replace("{root}", _root.Path, StringComparison.Ordinal), ""));

        Assert.Contains("OMOI_SANDBOX_READONLY_PATHS: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("bin", "is not an absolute path")]
    [InlineData("/opt/tools/bin", "is neither under /usr nor under a path of OMOI_SANDBOX_READONLY_PATHS")]
    [InlineData("{root}/toolchain/nope", "is not an existing directory")]
    public void Validate_BadSandboxPath_FailsNamingTheSetting(string directory, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(_root.Combine("toolchain"), directory.Replace("{root}", _root.Path, StringComparison.Ordinal)));

        Assert.Contains("OMOI_SANDBOX_PATH: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private SandboxOptions Options(string readOnlyPaths, string sandboxPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OMOI_WORKSPACE_ROOT"] = _root.Combine("workspaces"),
            ["OMOI_SANDBOX_READONLY_PATHS"] = readOnlyPaths,
            ["OMOI_SANDBOX_PATH"] = sandboxPath,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSandboxes(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SandboxOptions>>().Value;
    }

    public void Dispose() => _root.Dispose();
}
