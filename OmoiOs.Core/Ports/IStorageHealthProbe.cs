namespace OmoiOs.Core.Ports;

/// <summary>Tells whether the record store answers, for the health endpoint.</summary>
public interface IStorageHealthProbe
{
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
