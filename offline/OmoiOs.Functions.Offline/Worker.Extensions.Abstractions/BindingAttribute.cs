namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>Root of every binding attribute (package Microsoft.Azure.Functions.Worker.Extensions.Abstractions).</summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class BindingAttribute : Attribute
{
    public BindingAttribute()
    {
    }
}
