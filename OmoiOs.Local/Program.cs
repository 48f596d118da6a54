using System.CommandLine;
using OmoiOs.Local.Cli;

var parsed = OmoiCli.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"omoi: {string.Join(" ", parsed.Errors.Select(e => e.Message))} (see omoi --help)");
    return ExitCodes.InvalidInput;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error)
{
    var (exitCode, message) = CliErrors.Describe(error);
    Console.Error.WriteLine($"omoi: {message}");
    return exitCode;
}
