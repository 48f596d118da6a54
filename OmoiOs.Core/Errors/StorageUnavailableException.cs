namespace OmoiOs.Core.Errors;

/// <summary>The record store did not answer in time or refused the connection.</summary>
public sealed class StorageUnavailableException(string endpoint, Exception innerException)
    : OmoiException($"Storage at '{endpoint}' is unreachable: {innerException.Message}", innerException)
{
    public string Endpoint { get; } = endpoint;
}
