namespace Microsoft.Azure.Functions.Worker;

/// <summary>Whether a binding reads or writes.</summary>
public enum BindingDirection
{
    In,
    Out,
}
