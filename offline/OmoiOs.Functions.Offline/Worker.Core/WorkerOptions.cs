using Azure.Core.Serialization;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Worker settings. <see cref="Serializer"/> is what <c>WriteAsJsonAsync</c> and <c>ReadFromJsonAsync</c> use;
/// the real host fills it with a <see cref="JsonObjectSerializer"/> when the app leaves it null.
/// (InputConverters is left out of the offline surface.)
/// </summary>
public class WorkerOptions
{
    private const string EnableUserCodeExceptionCapability = "EnableUserCodeException";
    private const string IncludeEmptyEntriesCapability = "IncludeEmptyEntriesInMessagePayload";

    public ObjectSerializer? Serializer { get; set; }

    public IDictionary<string, string> Capabilities { get; } = new Dictionary<string, string>
    {
        ["HandlesWorkerTerminateMessage"] = bool.TrueString,
        ["HandlesInvocationCancelMessage"] = bool.TrueString,
        [IncludeEmptyEntriesCapability] = bool.TrueString,
        [EnableUserCodeExceptionCapability] = bool.TrueString,
    };

    [Obsolete("This is now the default behavior. This property may be unavailable in future releases.", false)]
    public bool EnableUserCodeException
    {
        get => GetCapability(EnableUserCodeExceptionCapability);
        set => SetCapability(EnableUserCodeExceptionCapability, value);
    }

    public bool IncludeEmptyEntriesInMessagePayload
    {
        get => GetCapability(IncludeEmptyEntriesCapability);
        set => SetCapability(IncludeEmptyEntriesCapability, value);
    }

    private bool GetCapability(string name) =>
        Capabilities.TryGetValue(name, out var text) && bool.TryParse(text, out var enabled) && enabled;

    private void SetCapability(string name, bool enabled)
    {
        if (enabled)
        {
            Capabilities[name] = bool.TrueString;
        }
        else
        {
            Capabilities.Remove(name);
        }
    }
}
