using OmoiOs.Core.Domain;
using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class RequirementClassifierTests
{
    [Theory]
    [InlineData("Passwords are hashed with bcrypt.", RequirementCategory.Security)]
    [InlineData("Search answers within 200 ms.", RequirementCategory.Performance)]
    [InlineData("The script passes a second argument through.", RequirementCategory.Functional)]
    [InlineData("Failed uploads are retried.", RequirementCategory.Reliability)]
    [InlineData("The README documents the flag.", RequirementCategory.Usability)]
    [InlineData("The tool runs offline on Python 3.9.", RequirementCategory.Constraint)]
    [InlineData("Print the greeting.", RequirementCategory.Functional)]
    public void Categorize_Statement_CategoryByItsWords(string statement, RequirementCategory expected)
    {
        Assert.Equal(expected, RequirementClassifier.Categorize(statement));
    }

    [Theory]
    [InlineData("Tokens must never be logged.", RequirementCategory.Security, Priority.Critical)]
    [InlineData("The export must include headers.", RequirementCategory.Functional, Priority.High)]
    [InlineData("The page may show a tip.", RequirementCategory.Functional, Priority.Low)]
    [InlineData("The page shows a tip.", RequirementCategory.Functional, Priority.Medium)]
    public void Prioritize_Statement_PriorityByItsWords(string statement, RequirementCategory category, Priority expected)
    {
        Assert.Equal(expected, RequirementClassifier.Prioritize(statement, category));
    }
}
