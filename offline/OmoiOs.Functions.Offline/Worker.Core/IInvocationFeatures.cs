namespace Microsoft.Azure.Functions.Worker;

/// <summary>The features attached to one invocation, by type.</summary>
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    void Set<T>(T instance);

    T? Get<T>();
}
