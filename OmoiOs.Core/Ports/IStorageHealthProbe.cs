namespace OmoiOs.Core.Ports;

/// <summary>Tells the health endpoint whether the record store answers.</summary>
public interface IStorageHealthProbe
{
    /// <summary>
    /// Makes one cheap round trip to storage. Returns <see langword="false"/> when storage is unreachable
    /// (refused, timed out, unauthorised) instead of throwing; only <paramref name="cancellationToken"/> ends it early.
    /// </summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
