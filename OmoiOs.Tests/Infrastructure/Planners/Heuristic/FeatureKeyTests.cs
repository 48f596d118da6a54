using OmoiOs.Infrastructure.Planners.Heuristic;


namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class FeatureKeyTests
{
    [Theory]
    [InlineData("Configurable greeting", "GREETING")]
    [InlineData("Add user login", "LOGIN")]
    [InlineData("CSV export", "CSVEXPORT")]
    [InlineData("Internationalization of everything", "INTERNATIONA")]
    [InlineData("Rate limit v2", "RATELIMITV2")]
    [InlineData("!!!", "FEATURE")]
    [InlineData("Über süß", "BERS")]
    public void FromTitle_Title_UpperCaseLettersAndDigitsAtMostTwelve(string title, string expected)
    {
        var key = FeatureKey.FromTitle(title);

        Assert.Equal(expected, key);
        Assert.Matches("^[A-Z0-9]{1,12}$", key);
    }
}
