using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>The W3C trace context of an invocation.</summary>
public abstract class TraceContext
{
    public abstract string TraceParent { get; }

    public abstract string TraceState { get; }

    public virtual IReadOnlyDictionary<string, string> Attributes => ImmutableDictionary<string, string>.Empty;

    public virtual IReadOnlyDictionary<string, string> Baggage => ImmutableDictionary<string, string>.Empty;
}
