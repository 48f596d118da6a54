using OmoiOs.Core.Ports;

namespace OmoiOs.Tests.Functions.Fakes;

/// <summary>A storage probe with a fixed answer that counts how often it was asked.</summary>
internal sealed class FakeStorageHealthProbe(bool reachable) : IStorageHealthProbe
{
    public int Calls { get; private set; }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        return Task.FromResult(reachable);
    }
}
