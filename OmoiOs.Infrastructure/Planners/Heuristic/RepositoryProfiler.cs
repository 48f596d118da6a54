using System.Text.Json;
using System.Text.RegularExpressions;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Execution.Checks;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>Derives a <see cref="RepositoryProfile"/> from a scan: languages, build and test systems, key files, layout and naming.</summary>
public static partial class RepositoryProfiler
{
    private const int MaxKeyFiles = 40;

    private const string NpmPlaceholderTest = "no test specified";

    private static readonly (string Name, string Purpose)[] KeyFileNames =
    [
        ("README.md", "project overview and usage"), ("README.rst", "project overview and usage"), ("README", "project overview and usage"),
        ("LICENSE", "license terms"), ("LICENSE.md", "license terms"), ("CONTRIBUTING.md", "contribution guide"),
        ("Makefile", "build and test targets"), ("package.json", "npm package manifest and scripts"),
        ("tsconfig.json", "TypeScript compiler settings"), ("pyproject.toml", "Python project metadata and tool settings"),
        ("setup.py", "Python packaging script"), ("setup.cfg", "Python packaging settings"), ("requirements.txt", "Python dependencies"),
        ("requirements-dev.txt", "Python development dependencies"), ("pytest.ini", "pytest settings"), ("tox.ini", "tox test environments"),
        ("conftest.py", "pytest fixtures"), ("go.mod", "Go module definition"), ("Cargo.toml", "Rust crate manifest"),
        ("pom.xml", "Maven build"), ("build.gradle", "Gradle build"), ("build.gradle.kts", "Gradle build"), ("Gemfile", "Ruby dependencies"),
        ("Dockerfile", "container image build"), ("docker-compose.yml", "local multi-container setup"), ("compose.yaml", "local multi-container setup"),
        ("Directory.Build.props", "shared MSBuild settings"), ("Directory.Packages.props", "central NuGet package versions"),
        ("global.json", ".NET SDK pin"), (".editorconfig", "code style settings"), (".gitignore", "files git ignores"),
        ("run-tests.sh", "runs the test suites"), ("test.sh", "runs the test suites"), ("build.sh", "builds the project"),
        ("__main__.py", "Python module entry point (python -m)"), ("cli.py", "command line interface"), ("main.py", "program entry point"),
        ("app.py", "application entry point"), ("manage.py", "Django management commands"), ("index.js", "JavaScript entry point"),
        ("main.js", "JavaScript entry point"), ("server.js", "HTTP server entry point"), ("index.ts", "TypeScript entry point"),
        ("Program.cs", ".NET program entry point"), ("main.go", "Go program entry point"), ("main.rs", "Rust program entry point"),
        ("lib.rs", "Rust library root"), ("host.json", "Azure Functions host settings"),
    ];

    private static readonly (string Directory, string Purpose)[] DirectoryPurposes =
    [
        ("src", "source code"), ("lib", "library code"), ("app", "application code"), ("test", "tests"), ("tests", "tests"),
        ("__tests__", "tests"), ("spec", "tests"), ("docs", "documentation"), ("doc", "documentation"), ("scripts", "helper scripts"),
        ("bin", "executables"), ("examples", "examples"), ("samples", "samples"), ("benchmarks", "benchmarks"), ("infra", "infrastructure as code"),
        ("deploy", "deployment"), (".github", "CI workflows and repository settings"), ("config", "configuration"), ("assets", "static assets"),
        ("public", "static web assets"), ("migrations", "database migrations"), ("cmd", "command entry points"), ("pkg", "Go packages"),
        ("internal", "internal packages"), ("tools", "developer tools"),
    ];

    private static readonly string[] KnownFrameworks =
    [
        "express", "fastify", "koa", "react", "vue", "next", "svelte", "@angular/core", "jest", "mocha", "vitest", "typescript",
        "django", "flask", "fastapi", "pytest", "pydantic", "sqlalchemy", "requests", "click", "typer",
        "xunit", "nunit", "mstest", "moq", "microsoft.aspnetcore", "azure.data.tables", "microsoft.azure.functions.worker",
        "microsoft.extensions.hosting", "system.commandline", "spring-boot", "junit",
    ];

    private static readonly string[] WebFrameworks = ["express", "fastify", "koa", "django", "flask", "fastapi", "microsoft.aspnetcore", "spring-boot", "next"];

    [GeneratedRegex(@"^(?<target>[A-Za-z0-9][\w.-]*)\s*:(?!=)", RegexOptions.Multiline)]
    private static partial Regex MakeTarget();

    [GeneratedRegex(@"<PackageReference\s+Include=""(?<name>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)", RegexOptions.Multiline)]
    private static partial Regex RequirementLine();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PythonIdentifier();

    private static Dictionary<string, IReadOnlyList<string>> Definers(IReadOnlyList<ScannedFile> files, HashSet<string> sources, HashSet<string> existing) =>
        files.Where(f => sources.Contains(f.Path) && DeclarationFiles.ImplementationOf(f.Path, existing) is null)
            .SelectMany(f => f.Definitions.Select(name => (Name: name, f.Path)))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.Path).ToList(), StringComparer.Ordinal);

    public static RepositoryProfile Profile(RepositorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var paths = snapshot.Files.Select(f => f.Path).ToList();
        var existing = paths.ToHashSet(StringComparer.Ordinal);
        var tests = paths.Where(p => LanguageCatalog.IsCode(p) && TestFiles.IsTest(p)).ToList();
        var testSet = tests.ToHashSet(StringComparer.Ordinal);
        var sources = paths.Where(p => LanguageCatalog.IsCode(p) && !testSet.Contains(p)).ToList();
        var languages = Languages(snapshot.Files);
        var codeLanguages = languages.Where(l => IsCodeLanguage(l.Name, snapshot.Files)).Select(l => l.Name).ToList();
        var primary = codeLanguages.FirstOrDefault();
        var manifests = snapshot.Manifests.ToDictionary(m => m.Path, m => m.Content, StringComparer.Ordinal);
        var frameworks = Frameworks(snapshot.Manifests);
        var commands = Commands(manifests);
        return new RepositoryProfile
        {
            Name = snapshot.Name,
            Languages = languages,
            PrimaryLanguage = primary,
            BuildSystems = BuildSystems(paths),
            Frameworks = frameworks,
            TestCommand = TestCommand(paths, manifests, tests),
            ProjectType = ProjectType(paths, manifests, frameworks, codeLanguages),
            KeyFiles = KeyFiles(paths),
            Structure = Structure(paths),
            Conventions = codeLanguages.Select(l => Convention(l, sources, tests)).OfType<LanguageConvention>().ToList(),
            SourceFiles = sources,
            TestFiles = tests,
            Definers = Definers(snapshot.Files, sources.ToHashSet(StringComparer.Ordinal), existing),
            AllFiles = existing,
            Tree = new RepositoryTree(paths),
            Readme = paths.Where(p => !p.Contains('/', StringComparison.Ordinal) && p.StartsWith("README", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).FirstOrDefault(),
            Commands = commands,
        };
    }

    private static List<LanguageStat> Languages(IReadOnlyList<ScannedFile> files) =>
        files.Select(f => (File: f, Language: LanguageCatalog.Of(f.Path)))
            .Where(x => x.Language is not null)
            .GroupBy(x => x.Language!.Value.Name, StringComparer.Ordinal)
            .Select(g => new LanguageStat(g.Key, g.Count(), g.Sum(x => x.File.Lines)))
            .OrderByDescending(l => l.Lines).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();

    private static bool IsCodeLanguage(string language, IReadOnlyList<ScannedFile> files) =>
        files.Any(f => LanguageCatalog.Of(f.Path) is { Code: true } l && l.Name == language);

    private static List<string> BuildSystems(IReadOnlyList<string> paths)
    {
        var found = new List<(int Depth, string Name)>();
        foreach (var path in paths)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var system = name switch
            {
                "Makefile" or "GNUmakefile" or "makefile" => "make",
                "package.json" => "npm",
                "pyproject.toml" or "setup.py" or "setup.cfg" or "requirements.txt" => "python",
                "go.mod" => "go",
                "Cargo.toml" => "cargo",
                "pom.xml" => "maven",
                "build.gradle" or "build.gradle.kts" => "gradle",
                "Gemfile" => "bundler",
                "CMakeLists.txt" => "cmake",
                "Dockerfile" => "docker",
                _ when name.EndsWith(".sln", StringComparison.Ordinal) || name.EndsWith(".slnx", StringComparison.Ordinal)
                    || name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".fsproj", StringComparison.Ordinal) => "dotnet",
                _ => null,
            };
            if (system is not null)
            {
                found.Add((path.Count(c => c == '/'), system));
            }
        }

        return found.OrderBy(f => f.Depth).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? TestCommand(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> manifests, IReadOnlyList<string> tests)
    {
        var root = paths.Where(p => !p.Contains('/', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var makefile in (ReadOnlySpan<string>)["Makefile", "GNUmakefile", "makefile"])
        {
            if (manifests.TryGetValue(makefile, out var text) && MakeTarget().Matches(text).Any(m => m.Groups["target"].Value == "test"))
            {
                return "make test";
            }
        }

        foreach (var script in (ReadOnlySpan<string>)["run-tests.sh", "test.sh"])
        {
            if (root.Contains(script))
            {
                return $"./{script}";
            }
        }

        if (manifests.TryGetValue("package.json", out var package) && NpmScripts(package).TryGetValue("test", out var npmTest)
            && !npmTest.Contains(NpmPlaceholderTest, StringComparison.Ordinal))
        {
            return "npm test";
        }

        if (root.Any(p => p.EndsWith(".sln", StringComparison.Ordinal) || p.EndsWith(".slnx", StringComparison.Ordinal) || p.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            return "dotnet test";
        }

        if (root.Contains("go.mod"))
        {
            return "go test ./...";
        }

        if (root.Contains("Cargo.toml"))
        {
            return "cargo test";
        }

        if (root.Contains("pom.xml"))
        {
            return "mvn test";
        }

        if (root.Contains("build.gradle") || root.Contains("build.gradle.kts"))
        {
            return root.Contains("gradlew") ? "./gradlew test" : "gradle test";
        }

        // pytest runs unittest cases too; in a sandbox without pytest the check falls back (CheckCatalog), so one command serves both.
        var mentionsPytest = root.Contains("pytest.ini") || root.Contains("conftest.py")
            || manifests.Values.Any(v => v.Contains("pytest", StringComparison.OrdinalIgnoreCase));
        if (mentionsPytest || tests.Any(t => t.EndsWith(".py", StringComparison.Ordinal)))
        {
            return CheckCatalog.PythonTestCommand(IsSrcLayout(paths));
        }

        return root.Contains("Gemfile") && paths.Any(p => p.StartsWith("spec/", StringComparison.Ordinal)) ? "bundle exec rspec" : null;
    }

    /// <summary>
    /// Whether the repository keeps its Python packages in a src layout (<c>src/&lt;package&gt;/__init__.py</c>), which its
    /// tests import only once installed or with src/ on the import path; a repository whose package is itself named
    /// <c>src</c> (<c>src/__init__.py</c>) is not one.
    /// </summary>
    private static bool IsSrcLayout(IReadOnlyList<string> paths)
    {
        var prefix = CheckCatalog.SrcLayoutFolder + "/";
        return !paths.Contains(prefix + "__init__.py", StringComparer.Ordinal)
            && paths.Any(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.EndsWith("/__init__.py", StringComparison.Ordinal)
                && p.Count(c => c == '/') == 2 && PythonIdentifier().IsMatch(p[prefix.Length..p.LastIndexOf('/')]));
    }

    private static Dictionary<string, string> NpmScripts(string packageJson)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(packageJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("scripts", out var element) && element.ValueKind == JsonValueKind.Object)
            {
                foreach (var script in element.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.String))
                {
                    scripts[script.Name] = script.Value.GetString() ?? "";
                }
            }
        }
        catch (JsonException)
        {
            // A malformed package.json names no scripts; the scan reports the repository as it is.
        }

        return scripts;
    }

    private static List<string> Commands(Dictionary<string, string> manifests)
    {
        var commands = new List<string>();
        foreach (var makefile in (ReadOnlySpan<string>)["Makefile", "GNUmakefile", "makefile"])
        {
            if (manifests.TryGetValue(makefile, out var text))
            {
                commands.AddRange(MakeTarget().Matches(text).Select(m => m.Groups["target"].Value)
                    .Where(t => !t.StartsWith('.')).Distinct(StringComparer.Ordinal).Select(t => $"make {t}"));
            }
        }

        if (manifests.TryGetValue("package.json", out var package))
        {
            commands.AddRange(NpmScripts(package).Keys.Select(k => k == "test" || k == "start" ? $"npm {k}" : $"npm run {k}"));
        }

        return commands.Take(20).ToList();
    }

    private static List<string> Frameworks(IReadOnlyList<ManifestFile> manifests)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            IEnumerable<string> names = manifest.Path.EndsWith(".csproj", StringComparison.Ordinal) || manifest.Path.EndsWith(".props", StringComparison.Ordinal)
                ? PackageReference().Matches(manifest.Content).Select(m => m.Groups["name"].Value)
                : manifest.Path.EndsWith("package.json", StringComparison.Ordinal)
                    ? PackageJsonDependencies(manifest.Content)
                    : RequirementLine().Matches(manifest.Content).Select(m => m.Groups["name"].Value);
            foreach (var name in names)
            {
                var lower = name.ToLowerInvariant();
                var known = KnownFrameworks.FirstOrDefault(k => lower == k || lower.StartsWith(k + ".", StringComparison.Ordinal));
                if (known is not null)
                {
                    found.Add(known);
                }
            }
        }

        return found.Take(12).ToList();
    }

    private static List<string> PackageJsonDependencies(string packageJson)
    {
        var names = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(packageJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            foreach (var section in (ReadOnlySpan<string>)["dependencies", "devDependencies"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(section, out var element) && element.ValueKind == JsonValueKind.Object)
                {
                    names.AddRange(element.EnumerateObject().Select(p => p.Name));
                }
            }
        }
        catch (JsonException)
        {
            // As in NpmScripts: a malformed manifest contributes nothing.
        }

        return names;
    }

    private static string ProjectType(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> manifests, IReadOnlyList<string> frameworks, List<string> codeLanguages)
    {
        var primary = codeLanguages.Count > 0 ? codeLanguages[0] : null;
        var names = paths.Select(p => p[(p.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
        var kind = frameworks.Any(f => WebFrameworks.Contains(f)) ? "web service"
            : names.Contains("host.json") ? "serverless functions app"
            : names.Contains("__main__.py") || names.Contains("cli.py") || names.Contains("main.go") || names.Contains("main.rs")
                || names.Contains("Program.cs") || manifests.Values.Any(v => v.Contains("[project.scripts]", StringComparison.Ordinal) || v.Contains("\"bin\"", StringComparison.Ordinal))
                ? "command line application"
            : primary is null ? "documentation or configuration repository" : "library";
        return codeLanguages.Count > 1 ? $"{kind} (multi-language: {string.Join(", ", codeLanguages.Take(3))})" : primary is null ? kind : $"{kind} ({primary})";
    }

    private static List<PathPurpose> KeyFiles(IReadOnlyList<string> paths)
    {
        var keyFiles = new List<(int Depth, PathPurpose File)>();
        foreach (var path in paths)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var depth = path.Count(c => c == '/');
            var purpose = KeyFileNames.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Purpose
                ?? (name.EndsWith(".sln", StringComparison.Ordinal) || name.EndsWith(".slnx", StringComparison.Ordinal) ? ".NET solution"
                    : name.EndsWith(".csproj", StringComparison.Ordinal) ? ".NET project"
                    : path.StartsWith(".github/workflows/", StringComparison.Ordinal) ? "CI workflow"
                    : null);
            if (purpose is not null && depth <= 3)
            {
                keyFiles.Add((depth, new PathPurpose(path, purpose)));
            }
        }

        return keyFiles.OrderBy(k => k.Depth).ThenBy(k => k.File.Path, StringComparer.Ordinal).Take(MaxKeyFiles).Select(k => k.File).ToList();
    }

    private static List<PathPurpose> Structure(IReadOnlyList<string> paths)
    {
        var rootFiles = paths.Count(p => !p.Contains('/', StringComparison.Ordinal));
        var structure = new List<PathPurpose> { new(".", $"{rootFiles} files at the root") };
        foreach (var group in paths.Where(p => p.Contains('/', StringComparison.Ordinal)).GroupBy(p => p[..p.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.ToList();
            var purpose = DirectoryPurposes.FirstOrDefault(d => d.Directory.Equals(group.Key, StringComparison.OrdinalIgnoreCase)).Purpose
                ?? (files.All(TestFiles.IsTest) ? "tests"
                    : group.Key.EndsWith(".Tests", StringComparison.Ordinal) ? "tests"
                    : DominantLanguage(files) is { } language ? $"{language} code" : "files");
            structure.Add(new PathPurpose(group.Key + "/", Words.Invariant($"{purpose}; {files.Count} {(files.Count == 1 ? "file" : "files")}")));
        }

        return structure.Take(60).ToList();
    }

    private static string? DominantLanguage(IEnumerable<string> files) =>
        files.Select(LanguageCatalog.Of).Where(l => l is { Code: true }).GroupBy(l => l!.Value.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    private static LanguageConvention? Convention(string language, IReadOnlyList<string> sources, IReadOnlyList<string> tests)
    {
        var ownSources = sources.Where(p => LanguageCatalog.Of(p)?.Name == language).ToList();
        var ownTests = tests.Where(p => LanguageCatalog.Of(p)?.Name == language).ToList();
        // Files known by name alone (Rakefile) have no extension to give new files.
        var sample = (ownSources.Count > 0 ? ownSources : ownTests).Select(RepositoryTree.ExtensionOf).Where(e => e.Length > 0).ToList();
        if (sample.Count == 0)
        {
            return null;
        }

        var extension = sample.GroupBy(e => e, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var testNamings = ownTests.Select(t => TestFiles.NamingOf(t[(t.LastIndexOf('/') + 1)..])).OfType<TestNaming>().ToList();
        var testRoot = ownTests.Count == 0 ? null : MostCommon(ownTests.Select(TestRootOf));
        var colocated = testRoot is not null && ownSources.Any(p => DirectoryOf(p) == testRoot);
        return new LanguageConvention
        {
            Language = language,
            Extension = extension,
            SourceRoot = MostCommon(ownSources.Select(DirectoryOf)) ?? "",
            Naming = NamingOf(ownSources, language),
            TestRoot = colocated ? null : testRoot,
            TestNaming = testNamings.Count > 0 ? MostCommon(testNamings) : ownTests.Count > 0 ? TestNaming.Plain : DefaultTestNaming(language),
            TestsMirrorSources = !colocated && testRoot is not null && ownTests.Any(t => t.StartsWith(testRoot + "/", StringComparison.Ordinal) && t[(testRoot.Length + 1)..].Contains('/', StringComparison.Ordinal)),
            TestFileCount = ownTests.Count,
        };
    }

    /// <summary>The folder that holds a test: up to its tests/ or X.Tests/ segment, else its own folder ("" at the root).</summary>
    private static string TestRootOf(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (TestFiles.IsTestDirectoryName(segments[i]))
            {
                return string.Join('/', segments[..(i + 1)]);
            }
        }

        return DirectoryOf(path);
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static T? MostCommon<T>(IEnumerable<T> values)
        where T : notnull =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    private static NamingStyle NamingOf(IReadOnlyList<string> sources, string language)
    {
        var styles = sources.Select(p => p[(p.LastIndexOf('/') + 1)..]).Select(n => n.Contains('.', StringComparison.Ordinal) ? n[..n.IndexOf('.', StringComparison.Ordinal)] : n)
            .Select(StyleOf).OfType<NamingStyle>().ToList();
        return styles.Count > 0 ? MostCommon(styles) : DefaultNaming(language);
    }

    private static NamingStyle? StyleOf(string stem)
    {
        var trimmed = stem.Trim('_');
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Contains('_', StringComparison.Ordinal))
        {
            return NamingStyle.SnakeCase;
        }

        if (trimmed.Contains('-', StringComparison.Ordinal))
        {
            return NamingStyle.KebabCase;
        }

        if (char.IsUpper(trimmed[0]) && trimmed.Any(char.IsLower))
        {
            return NamingStyle.PascalCase;
        }

        return char.IsLower(trimmed[0]) && trimmed.Any(char.IsUpper) ? NamingStyle.CamelCase : null;
    }

    internal static NamingStyle DefaultNaming(string language) => language switch
    {
        "C#" or "F#" or "Java" or "Kotlin" or "Scala" or "Swift" or "Visual Basic" or "PowerShell" => NamingStyle.PascalCase,
        "JavaScript" or "TypeScript" or "Vue" or "Svelte" => NamingStyle.KebabCase,
        _ => NamingStyle.SnakeCase,
    };

    internal static TestNaming DefaultTestNaming(string language) => language switch
    {
        "C#" or "F#" or "Visual Basic" => TestNaming.SuffixTests,
        "Java" or "Kotlin" or "Scala" => TestNaming.SuffixTest,
        "JavaScript" or "TypeScript" or "Vue" or "Svelte" => TestNaming.SuffixDotTest,
        "Ruby" => TestNaming.SuffixUnderscoreSpec,
        "Go" or "Elixir" or "Dart" => TestNaming.SuffixUnderscoreTest,
        _ => TestNaming.PrefixTestUnderscore,
    };
}
