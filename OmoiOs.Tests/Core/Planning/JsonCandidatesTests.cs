using OmoiOs.Core.Planning;

namespace OmoiOs.Tests.Core.Planning;

public sealed class JsonCandidatesTests
{
    [Fact]
    public void Find_FencedBlocks_YieldsEachJsonBlockInOrder()
    {
        const string text = "First:\n```json\n{\"a\": 1}\n```\nthen shell:\n```bash\nls\n```\nand\n```\n{\"b\": 2}\n```";

        var candidates = JsonCandidates.Find(text).Take(2).ToList();

        Assert.Equal(["{\"a\": 1}", "{\"b\": 2}"], candidates);
    }

    [Fact]
    public void Find_NestedObjectsInProse_YieldsOutermostFirst()
    {
        var first = JsonCandidates.Find("Result {\"x\": {\"y\": 1}} end").First();

        Assert.Equal("{\"x\": {\"y\": 1}}", first);
    }

    [Fact]
    public void Find_UnclosedObject_YieldsTheRestOfTheText()
    {
        var candidates = JsonCandidates.Find("Answer: {\"x\": [1, 2").ToList();

        Assert.Equal(["{\"x\": [1, 2"], candidates);
    }

    [Fact]
    public void Find_NoBraces_YieldsNothing()
    {
        Assert.Empty(JsonCandidates.Find("no json here"));
    }
}
