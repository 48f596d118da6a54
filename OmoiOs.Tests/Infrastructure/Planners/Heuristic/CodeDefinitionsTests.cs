using OmoiOs.Infrastructure.Planners.Heuristic;

namespace OmoiOs.Tests.Infrastructure.Planners.Heuristic;

public sealed class CodeDefinitionsTests
{
    [Theory]
    [InlineData("pub struct Buffer {\n    bytes: [u8; 40],\n}\nimpl Buffer {\n    pub fn format<I: Integer>(&mut self, i: I) -> &str {", "Buffer,format")]
    [InlineData("impl<T> Default for Buffer<T> {}\npub trait Integer: private::Sealed {}", "Buffer,Integer")]
    [InlineData("class Greeter:\n    def build_greeting(self, name=None):\n        pass\n", "Greeter,build_greeting")]
    [InlineData("export default function slugify(string, options) {}\nexport function capitalize(text) {}", "slugify,capitalize")]
    [InlineData("func (s *Server) ServeHTTP(w http.ResponseWriter) {}\ntype Server struct {}", "ServeHTTP,Server")]
    [InlineData("public sealed record SpecTask(string Id);\ninternal interface IClock {}", "SpecTask,IClock")]
    [InlineData("let total = values.reduce((a, b) => a + b, 0);", "")]
    public void In_CodeOfACommonLanguage_NamesWhatItDefinesOnceInOrder(string code, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), CodeDefinitions.In(code));
    }

    [Fact]
    public void In_FileDefiningVeryManyNames_KeepsTheFirstFew()
    {
        var code = string.Concat(Enumerable.Range(0, 1000).Select(i => $"fn f{i}() {{}}\n"));

        var names = CodeDefinitions.In(code);

        Assert.Equal(CodeDefinitions.MaxPerFile, names.Count);
        Assert.Equal("f0", names[0]);
    }
}
