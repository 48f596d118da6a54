namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Marks a parameter bound from an input binding.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class InputBindingAttribute : BindingAttribute
{
    public InputBindingAttribute()
    {
    }
}
