namespace OmoiOs.Core.Ports;

/// <summary>
/// Text that may exceed a table property's 64 KB (phase outputs, agent logs), stored whole in the spec's partition
/// and read back byte for byte; nothing is truncated.
/// </summary>
public interface ILargeTextStore
{
    Task WriteAsync(string specId, string key, string text, CancellationToken cancellationToken);

    Task<string?> ReadAsync(string specId, string key, CancellationToken cancellationToken);
}
