using OmoiOs.Core.Ports;

namespace OmoiOs.Infrastructure.DependencyInjection;

internal sealed class GuidIdGenerator : IIdGenerator
{
    public Guid NewGuid() => Guid.NewGuid();
}
