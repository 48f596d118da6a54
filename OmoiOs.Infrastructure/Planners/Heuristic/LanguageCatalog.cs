namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>Which language a file is in, by extension or well-known name, and whether it is code (rather than docs or data).</summary>
public static class LanguageCatalog
{
    private static readonly Dictionary<string, (string Name, bool Code)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".py"] = ("Python", true), [".pyi"] = ("Python", true),
        [".js"] = ("JavaScript", true), [".mjs"] = ("JavaScript", true), [".cjs"] = ("JavaScript", true), [".jsx"] = ("JavaScript", true),
        [".ts"] = ("TypeScript", true), [".tsx"] = ("TypeScript", true), [".mts"] = ("TypeScript", true),
        [".cs"] = ("C#", true), [".fs"] = ("F#", true), [".vb"] = ("Visual Basic", true),
        [".go"] = ("Go", true), [".rs"] = ("Rust", true), [".java"] = ("Java", true), [".kt"] = ("Kotlin", true), [".kts"] = ("Kotlin", true),
        [".scala"] = ("Scala", true), [".rb"] = ("Ruby", true), [".php"] = ("PHP", true), [".swift"] = ("Swift", true),
        [".c"] = ("C", true), [".h"] = ("C", true), [".cpp"] = ("C++", true), [".cc"] = ("C++", true), [".hpp"] = ("C++", true),
        [".m"] = ("Objective-C", true), [".dart"] = ("Dart", true), [".ex"] = ("Elixir", true), [".exs"] = ("Elixir", true),
        [".erl"] = ("Erlang", true), [".hs"] = ("Haskell", true), [".lua"] = ("Lua", true), [".pl"] = ("Perl", true), [".r"] = ("R", true),
        [".sh"] = ("Shell", true), [".bash"] = ("Shell", true), [".zsh"] = ("Shell", true), [".ps1"] = ("PowerShell", true),
        [".sql"] = ("SQL", true), [".bicep"] = ("Bicep", true), [".tf"] = ("Terraform", true),
        [".html"] = ("HTML", false), [".css"] = ("CSS", false), [".scss"] = ("SCSS", false), [".vue"] = ("Vue", true), [".svelte"] = ("Svelte", true),
        [".md"] = ("Markdown", false), [".rst"] = ("reStructuredText", false), [".txt"] = ("Text", false),
        [".json"] = ("JSON", false), [".yml"] = ("YAML", false), [".yaml"] = ("YAML", false), [".toml"] = ("TOML", false),
        [".xml"] = ("XML", false), [".csproj"] = ("MSBuild", false), [".props"] = ("MSBuild", false), [".targets"] = ("MSBuild", false),
        [".sln"] = ("Visual Studio solution", false), [".ini"] = ("INI", false), [".cfg"] = ("INI", false),
    };

    private static readonly Dictionary<string, (string Name, bool Code)> ByFileName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Makefile"] = ("Makefile", false), ["GNUmakefile"] = ("Makefile", false), ["Dockerfile"] = ("Dockerfile", false),
        ["CMakeLists.txt"] = ("CMake", false), ["Gemfile"] = ("Ruby", false), ["Rakefile"] = ("Ruby", true),
    };

    /// <summary>The file's language, or null when neither its name nor its extension is known.</summary>
    public static (string Name, bool Code)? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        if (ByFileName.TryGetValue(fileName, out var byName))
        {
            return byName;
        }

        var dot = fileName.LastIndexOf('.');
        return dot > 0 && ByExtension.TryGetValue(fileName[dot..], out var byExtension) ? byExtension : null;
    }

    public static bool IsCode(string path) => Of(path)?.Code ?? false;
}
