using Microsoft.Extensions.Options;
using OmoiOs.Core.Errors;

namespace OmoiOs.Infrastructure.Agents;

/// <summary>Fails at start when the default agent is not defined or an operator's agent is malformed, naming the setting.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            AgentPresets.Catalog(options);
            return ValidateOptionsResult.Success;
        }
        catch (ValidationFailedException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}
