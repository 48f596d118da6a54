using OmoiOs.Infrastructure.Sandboxes.Local;

namespace OmoiOs.Tests.Infrastructure.Sandboxes.Local;

public sealed class BubblewrapArgumentsTests
{
    [Fact]
    public void Build_Default_IsolatesEverythingAndOnlyWorkspaceWritable()
    {
        var args = BubblewrapArguments.Build(Settings(allowNetwork: false), "make");

        foreach (var flag in new[] { "--unshare-user", "--disable-userns", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--die-with-parent", "--new-session", "--clearenv" })
        {
            Assert.Contains(flag, args);
        }

        Assert.Equal("ALL", args[args.ToList().IndexOf("--cap-drop") + 1]);
        Assert.Equal(["--bind", "/host/ws", "/workspace"], Window(args, "--bind", 3));
        Assert.Equal(["--ro-bind", "/usr", "/usr"], Window(args, "--ro-bind", 3));
        Assert.Equal(["--remount-ro", "/"], Window(args, "--remount-ro", 2));
        Assert.Equal(["/bin/sh", "-c", "make"], args.TakeLast(3));
        Assert.DoesNotContain("/etc/resolv.conf", args);
    }

    [Fact]
    public void Build_NetworkAllowedAndRlimit_SharesNetworkAndWrapsInPrlimit()
    {
        var args = BubblewrapArguments.Build(Settings(allowNetwork: true) with { ProcessRlimit = 64 }, "true");

        Assert.DoesNotContain("--unshare-net", args);
        Assert.Contains("/etc/resolv.conf", args);
        Assert.Equal(["/usr/bin/prlimit", "--nproc=64", "--", "/bin/sh", "-c", "true"], args.TakeLast(6));
    }

    [Fact]
    public void Build_Environment_OnlyTheGivenVariablesAfterClearenv()
    {
        var args = BubblewrapArguments.Build(Settings(false) with { Environment = new Dictionary<string, string> { ["A"] = "1" } }, "true").ToList();

        Assert.True(args.IndexOf("--clearenv") < args.IndexOf("--setenv"));
        Assert.Equal(["--setenv", "A", "1"], Window(args, "--setenv", 3));
        Assert.Single(args, a => a == "--setenv");
    }

    private static BubblewrapArguments.Settings Settings(bool allowNetwork) => new()
    {
        BubblewrapPath = "/usr/bin/bwrap",
        WorkspacePath = "/host/ws",
        EtcOverlayPath = "/host/etc",
        AllowNetwork = allowNetwork,
        TmpBytes = 1024,
    };

    private static IEnumerable<string> Window(IReadOnlyList<string> args, string flag, int length) =>
        args.Skip(args.ToList().IndexOf(flag)).Take(length);
}
