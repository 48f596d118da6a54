namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Marks a return value or property written to an output binding.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public abstract class OutputBindingAttribute : BindingAttribute
{
    public OutputBindingAttribute()
    {
    }
}
