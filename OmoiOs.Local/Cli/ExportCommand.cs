using System.CommandLine;
using OmoiOs.Core.Application;
using OmoiOs.Core.Export;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi export</c>: a spec's requirements, design and tasks as Kiro or spec-kit Markdown.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var spec = SpecArgument.Create();
        var format = new Option<SpecExportFormat>("--format", "-f") { Description = "kiro or speckit.", DefaultValueFactory = _ => SpecExportFormat.Kiro };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Directory to write the files into.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("export", "Write a spec's requirements, design and tasks as Kiro or spec-kit Markdown files.") { spec, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(cancellationToken);
            var files = await services.Get<SpecService>().ExportAsync(parse.GetValue(spec)!, parse.GetValue(format), cancellationToken);
            var root = parse.GetValue(output)!.FullName;
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(root, file.Path));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, file.Content, cancellationToken);
                Console.WriteLine(path);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
