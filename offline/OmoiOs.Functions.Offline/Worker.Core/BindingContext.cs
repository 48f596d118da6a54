namespace Microsoft.Azure.Functions.Worker;

/// <summary>The trigger's binding data of an invocation.</summary>
public abstract class BindingContext
{
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
