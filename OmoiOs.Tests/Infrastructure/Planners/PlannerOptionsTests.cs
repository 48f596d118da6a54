using System.ComponentModel.DataAnnotations;
using OmoiOs.Infrastructure.Planners;

namespace OmoiOs.Tests.Infrastructure.Planners;

public sealed class PlannerOptionsTests
{
    [Fact]
    public void Defaults_MatchTheDocumentedValues()
    {
        var defaults = new PlannerOptions();

        Assert.Equal(PlannerNames.Heuristic, defaults.Planner);
        Assert.Equal(TimeSpan.FromMinutes(2), defaults.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.TotalTimeout);
        Assert.Equal(3, defaults.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.RetryDelay);
        Assert.Equal(8192, defaults.MaxOutputTokens);
        Assert.True(defaults.UseJsonSchema);
        Assert.Empty(Validate(defaults));
    }

    [Fact]
    public void Validate_NonPositiveRetryDelayAndAttemptTimeout_NamesBothKeys()
    {
        var options = new PlannerOptions { RetryDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.Zero };

        var messages = Validate(options);

        Assert.Contains(messages, m => m.Contains(PlannerOptions.RetryDelayKey, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains(PlannerOptions.AttemptTimeoutKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MaxRetriesOutOfRange_NamesTheKey()
    {
        var messages = Validate(new PlannerOptions { MaxRetries = 11 });

        Assert.Contains(messages, m => m.Contains(PlannerOptions.MaxRetriesKey, StringComparison.Ordinal));
    }

    private static List<string> Validate(PlannerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
