namespace Microsoft.Azure.Functions.Worker;

/// <summary>One binding of a declared function.</summary>
public abstract class BindingMetadata
{
    public abstract string Name { get; }

    public abstract string Type { get; }

    public abstract BindingDirection Direction { get; }
}
