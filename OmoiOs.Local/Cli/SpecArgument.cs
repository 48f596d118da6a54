using System.CommandLine;

namespace OmoiOs.Local.Cli;

internal static class SpecArgument
{
    public static Argument<string> Create() => new("spec") { Description = "The spec's id (spec-…)." };
}
