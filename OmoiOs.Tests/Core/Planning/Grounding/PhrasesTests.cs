using OmoiOs.Core.Planning.Grounding;

namespace OmoiOs.Tests.Core.Planning.Grounding;

public sealed class PhrasesTests
{
    [Theory]
    [InlineData("CHANGES.rst gets an entry in")]
    [InlineData("Provide a sub function to")]
    [InlineData("Validate the name and…")]
    [InlineData("Print the greeting,")]
    public void EndsWhole_DanglingEnd_False(string title)
    {
        Assert.False(Phrases.EndsWhole(title));
    }

    [Fact]
    public void CutProblem_TitleStopsMidClauseOfItsRequirement_NamesTheTitle()
    {
        var problem = Phrases.CutProblem(
            "Implement in src/calc.py: provide a sub function to src/calc.py that subtracts",
            ["provide a sub function to src/calc.py that subtracts two numbers"]);

        Assert.Equal("\"Implement in src/calc.py: provide a sub function to src/calc.py that subtracts\" stops mid-clause of \"provide a sub function to src/calc.py that subtracts two numbers\"", problem);
    }

    [Theory]
    [InlineData("Provide a sub function")]
    [InlineData("Print an error naming the limit")]
    [InlineData("Provide a sub function to src/calc.py that subtracts two numbers")]
    public void CutProblem_WholePhrase_Null(string title)
    {
        Assert.Null(Phrases.CutProblem(title, ["provide a sub function to src/calc.py that subtracts two numbers", "print an error naming the limit, and exit with code 2"]));
    }

    [Fact]
    public void CutProblem_TitleEndingOnAnAdverbWhereItsSourceSentenceEnds_Null()
    {
        // hukkin/tomli, 2026-12-05: the whole statement became the title and failed REQUIREMENTS three times as "mid-phrase".
        Assert.Null(Phrases.CutProblem("Integers are parsed with `int` as before", ["integers are parsed with `int` as before", "WHEN `parse_int` is not given, THE SYSTEM SHALL parse integers with `int` as before."]));
    }

    [Fact]
    public void CutProblem_TitleEndingOnAPrepositionItsSourceGoesOnFrom_EndsMidPhrase()
    {
        Assert.Equal("\"Retry the request before\" ends mid-phrase", Phrases.CutProblem("Retry the request before", ["retry the request before the deadline passes"]));
    }

    [Fact]
    public void CutProblem_CutMidWord_Found()
    {
        Assert.NotNull(Phrases.CutProblem("Print the greet", ["print the greeting word"]));
    }

    [Theory]
    [InlineData("provide a sub function to src/calc.py that subtracts two numbers and returns their difference", 8, "provide a sub function")]
    [InlineData("print an error naming the limit, and exit with code 2 when the word is too long", 10, "print an error naming the limit")]
    [InlineData("print the greeting word", 10, "print the greeting word")]
    [InlineData("bullseye runs its dependents without running it and prints that it was skipped", 12, "bullseye runs its dependents without running it")]
    public void Shorten_LongSentence_StopsWhereAClauseOrPhraseEnds(string text, int maxWords, string expected)
    {
        var title = Phrases.Shorten(text, maxWords);

        Assert.Equal(expected, title);
        Assert.Null(Phrases.CutProblem(title, [text]));
    }

    [Fact]
    public void Shorten_NoBoundaryInReach_WholeText()
    {
        const string text = "the validator checks every named variable holds an absolute http URL";

        Assert.Equal(text, Phrases.Shorten(text, 5));
    }
}
