namespace OmoiOs.Core.Errors;

/// <summary>Input that breaks a rule; <see cref="Errors"/> maps each offending field to its messages.</summary>
public sealed class ValidationFailedException : OmoiException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
