using System.ComponentModel.DataAnnotations;

namespace OmoiOs.Infrastructure.Planners.Llm;

/// <summary>Checks that an endpoint setting is an absolute http(s) URL, naming the setting when it is not.</summary>
internal static class EndpointValidation
{
    public static IEnumerable<ValidationResult> Check(string? value, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? [new ValidationResult($"{key} is required.", [key])] : [];
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? []
            : [new ValidationResult($"{key} must be an absolute http(s) URL; got '{value}'.", [key])];
    }
}
