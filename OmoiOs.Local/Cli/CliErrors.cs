using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;

namespace OmoiOs.Local.Cli;

/// <summary>Turns an error into one readable line and an exit code.</summary>
internal static class CliErrors
{
    public static (int ExitCode, string Message) Describe(Exception error) => error switch
    {
        ValidationFailedException e => (ExitCodes.InvalidInput, $"invalid input: {e.Message}"),
        NotFoundException e => (ExitCodes.NotFound, e.Message),
        ConflictException e => (ExitCodes.Conflict, e.Message),
        InvalidTransitionException e => (ExitCodes.Conflict, e.Message),
        StorageUnavailableException e => (ExitCodes.Unavailable, $"{e.Message} (is Azurite running? see `omoi storage status`)"),
        OptionsValidationException e => (ExitCodes.Unavailable, $"configuration: {string.Join("; ", e.Failures)}"),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        OmoiException e => (ExitCodes.Unavailable, e.Message),
        InvalidOperationException e => (ExitCodes.Unavailable, e.Message),
        _ => (ExitCodes.Unavailable, $"{error.GetType().Name}: {error.Message}"),
    };
}
