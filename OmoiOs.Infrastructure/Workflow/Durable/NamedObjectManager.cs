using DurableTask.Core;

namespace OmoiOs.Infrastructure.Workflow.Durable;

/// <summary>What the Durable Task Framework's dispatchers look orchestrations and activities up in: one factory per name, versions unused.</summary>
internal sealed class NamedObjectManager<T> : INameVersionObjectManager<T>
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.Ordinal);

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        _creators.Add(creator.Name, creator);
    }

    public T? GetObject(string name, string? version) => _creators.TryGetValue(name, out var creator) ? creator.Create() : default;

    public void Add(string name, Func<T> create) => Add(new FactoryCreator(name, create));

    private sealed class FactoryCreator : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public FactoryCreator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
