using OmoiOs.Core.Execution;
using OmoiOs.Infrastructure.Execution.Checks;
using OmoiOs.Tests.Infrastructure.Sandboxes;

namespace OmoiOs.Tests.Infrastructure.Execution.Checks;

/// <summary>Against the real bubblewrap sandbox; the counting wrapper only counts the commands a real sandbox ran.</summary>
public sealed class SandboxCheckResolverTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task ResolveAsync_SameRunTwiceAtOnceAndAgain_ProbesOnceForTheRun()
    {
        var sut = new SandboxCheckResolver();
        await using var first = await CountingAsync("a");
        await using var second = await CountingAsync("b");

        var answers = await Task.WhenAll(
            sut.ResolveAsync(first, "spec-1\nno setup", "python3 -m pytest", CancellationToken.None),
            sut.ResolveAsync(second, "spec-1\nno setup", "python3 -m pytest", CancellationToken.None));
        var again = await sut.ResolveAsync(second, "spec-1\nno setup", "python3 -m pytest", CancellationToken.None);

        Assert.Equal(1, first.Commands + second.Commands);
        Assert.All(answers.Append(again), a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task ResolveAsync_AnotherRunOrSetup_ProbesAgain()
    {
        var sut = new SandboxCheckResolver();
        await using var sandbox = await CountingAsync("a");

        await sut.ResolveAsync(sandbox, "spec-1\nno setup", "npm test", CancellationToken.None);
        await sut.ResolveAsync(sandbox, "spec-1\noptions.setupCommand", "npm test", CancellationToken.None);
        await sut.ResolveAsync(sandbox, "spec-2\nno setup", "npm test", CancellationToken.None);

        Assert.Equal(3, sandbox.Commands);
    }

    [Fact]
    public async Task ResolveAsync_ToolNotInTheSandbox_NoneCanRunAndTheReasonSaysWhy()
    {
        await using var sandbox = await CountingAsync("a");

        var check = await new SandboxCheckResolver().ResolveAsync(sandbox, "spec-1\nno setup", "omoi-absent-runner test", CancellationToken.None);

        Assert.Null(check.Candidate);
        Assert.StartsWith("no check can run in the sandbox: no omoi-absent-runner on the sandbox's PATH (`command -v omoi-absent-runner`: failed)", check.Reason);
    }

    [Fact]
    public async Task ResolveAsync_RepositoryScript_RunsAsPlannedWithoutProbing()
    {
        await using var sandbox = await CountingAsync("a");

        var check = await new SandboxCheckResolver().ResolveAsync(sandbox, "spec-1\nno setup", "./run-tests.sh", CancellationToken.None);

        Assert.Equal("./run-tests.sh", check.Command);
        Assert.Equal(0, sandbox.Commands);
    }

    [Fact]
    public async Task ResolveAsync_SrcOnPythonPath_KeepsItAndTheReasonSaysWhy()
    {
        await using var sandbox = await CountingAsync("a");

        var check = await new SandboxCheckResolver().ResolveAsync(sandbox, "spec-1\nno setup", "PYTHONPATH=src python3 -m pytest", CancellationToken.None);

        Assert.StartsWith("PYTHONPATH=src ", check.Command, StringComparison.Ordinal);
        Assert.EndsWith("; `PYTHONPATH=src` puts the packages under src/ on the import path, so the tests import the working tree's code without it being installed", check.Reason);
    }

    private async Task<CountingSandbox> CountingAsync(string name)
    {
        var workspace = _root.Combine("ws-" + name);
        Directory.CreateDirectory(workspace);
        var provider = SandboxTestOptions.LocalProvider(SandboxTestOptions.Small(_root.Combine("root")));
        return new CountingSandbox(await provider.CreateAsync(new SandboxRequest { Name = name, WorkspacePath = workspace }, CancellationToken.None));
    }

    public void Dispose() => _root.Dispose();

    /// <summary>A real sandbox that counts the commands run in it.</summary>
    private sealed class CountingSandbox(ISandbox inner) : ISandbox
    {
        private int _commands;

        public int Commands => _commands;

        public string Id => inner.Id;

        public string WorkspacePath => inner.WorkspacePath;

        public Task<SandboxCommandResult> RunAsync(SandboxCommand command, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _commands);
            return inner.RunAsync(command, cancellationToken);
        }

        public Task WriteFileAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.WriteFileAsync(relativePath, content, cancellationToken);

        public Task<byte[]?> ReadFileAsync(string relativePath, CancellationToken cancellationToken) => inner.ReadFileAsync(relativePath, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
