namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Marks the parameter that carries a function's trigger.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
    public TriggerBindingAttribute()
    {
    }
}
