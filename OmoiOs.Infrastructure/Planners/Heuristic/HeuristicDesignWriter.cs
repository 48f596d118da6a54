using System.Text.RegularExpressions;
using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Execution.Checks;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// DESIGN from the requirements and the repository: one component per file the feature touches (existing files the
/// requirements point at, plus one new module in the repository's conventions for the rest), data models and
/// endpoints when the requirements name them.
/// </summary>
public static partial class HeuristicDesignWriter
{
    private const int MaxInterfaces = 4;

    private static readonly string[] DocumentExtensions = [".md", ".rst", ".txt", ".adoc"];

    private static readonly string[] ConfigurationExtensions = [".json", ".toml", ".yml", ".yaml", ".ini", ".cfg", ".env", ".props"];

    [GeneratedRegex(@"\b(?<method>GET|POST|PUT|PATCH|DELETE)\s+`?(?<path>/[\w/{}:.\-]*)`?")]
    private static partial Regex ExplicitEndpoint();

    [GeneratedRegex(@"^(?:not )?allow .+? to ")]
    private static partial Regex AllowWhoTo();

    [GeneratedRegex(@"\b(?:endpoints?|api|route|http)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsEndpoint();

    [GeneratedRegex(@"\b(?<name>[A-Za-z][A-Za-z-]+)\s+(?:model|entity|record|table|schema|resource)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModelMention();

    [GeneratedRegex(@"\bwith (?:an? |the )?(?<fields>[a-z ,_-]+?)(?:\.|$| so | that | when | if )", RegexOptions.IgnoreCase)]
    private static partial Regex FieldList();

    /// <param name="specNamedFiles">Existing files the spec names: its code files (for a declaration file, the code it declares) take the requirements that match no file (instead of a new module), and every one of them becomes part of the design.</param>
    public static DesignOutput Write(string title, RequirementsOutput requirements, RepositoryProfile profile, IReadOnlyList<string> specNamedFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(specNamedFiles);
        var newModule = RepositoryLayout.NewSourcePath(profile, FeatureKey.NameWords(title));
        var namedSources = specNamedFiles.Where(f => !TestFiles.IsTest(f) && LanguageCatalog.IsCode(f))
            .Select(f => DeclarationFiles.ImplementationOf(f, profile.AllFiles) ?? f).Distinct(StringComparer.Ordinal).ToList();
        var byFile = new Dictionary<string, List<PlannedRequirement>>(StringComparer.Ordinal);
        var order = new List<string>();
        var unnamed = new List<PlannedRequirement>();
        foreach (var requirement in requirements.Requirements)
        {
            var named = ComponentMatcher.Named(requirement, profile);
            if (named is null)
            {
                unnamed.Add(requirement);
            }

            var file = named
                ?? ComponentMatcher.Match(requirement, profile)
                ?? (namedSources.Count > 0 ? ComponentMatcher.Best(requirement, profile, namedSources, 1) ?? namedSources[0] : newModule);
            Serve(file, requirement);
        }

        // A file the spec names is the file the plan changes, even when no single requirement points at it.
        foreach (var file in specNamedFiles.Where(f => !TestFiles.IsTest(f) && !byFile.ContainsKey(f)))
        {
            foreach (var requirement in unnamed.Count > 0 ? unnamed : requirements.Requirements.Take(1))
            {
                Serve(file, requirement);
            }
        }

        void Serve(string file, PlannedRequirement requirement)
        {
            if (!byFile.TryGetValue(file, out var served))
            {
                byFile[file] = served = [];
                order.Add(file);
            }

            served.Add(requirement);
        }

        var components = WithDependencies(UniqueNames(order.Select(file => Component(file, byFile[file], profile)).ToList()));
        var models = DataModels(requirements.Requirements);
        var endpoints = Endpoints(title, requirements.Requirements, models);
        return new DesignOutput
        {
            ArchitectureOverview = Overview(title, profile, components),
            Components = components,
            DataModels = models,
            ApiEndpoints = endpoints,
            ErrorHandling = ErrorHandling(requirements.Requirements),
            TestingStrategy = TestingStrategy(profile, components, specNamedFiles),
            SecurityConsiderations = Security(requirements.Requirements, endpoints),
        };
    }

    private static DesignComponent Component(string file, List<PlannedRequirement> served, RepositoryProfile profile)
    {
        var exists = profile.AllFiles.Contains(file);
        var fileName = file[(file.LastIndexOf('/') + 1)..];
        var stem = fileName.Contains('.', StringComparison.Ordinal) ? fileName[..fileName.IndexOf('.', StringComparison.Ordinal)] : fileName;
        var type = TypeOf(file);
        var convention = RepositoryLayout.ConventionFor(profile, file);
        var titles = string.Join("; ", served.Take(3).Select(r => Words.Decapitalize(r.Title)));
        return new DesignComponent
        {
            Name = Words.ToPascalCase(Words.Tokens(stem).DefaultIfEmpty("component")) + (type == "documentation" ? "Docs" : ""),
            Type = type,
            FilePath = file,
            Responsibility = (exists ? $"Existing {type}, extended for: " : $"New {type} in the repository's conventions, for: ") + titles + (served.Count > 3 ? "; and more" : "") + ".",
            Interfaces = type is "documentation" or "configuration" or "script" or HeuristicTaskWriter.TestComponent
                ? []
                : served.Select(r => InterfaceName(r, convention.Naming)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxInterfaces).ToList(),
            Requirements = served.Select(r => r.Id).ToList(),
        };
    }

    /// <summary>Two files with one stem (greeting.py, greeting.js) get their folder's name in front: SrcGreeting.</summary>
    private static List<DesignComponent> UniqueNames(List<DesignComponent> components)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DesignComponent>(components.Count);
        foreach (var component in components)
        {
            var name = component.Name;
            var folders = component.FilePath.Split('/')[..^1].Reverse().ToList();
            for (var i = 0; taken.Contains(name); i++)
            {
                name = i < folders.Count ? Words.ToPascalCase(Words.Tokens(folders[i])) + name : $"{component.Name}{i + 1}";
            }

            taken.Add(name);
            result.Add(component with { Name = name });
        }

        return result;
    }

    private static string TypeOf(string file)
    {
        var lower = file.ToLowerInvariant();
        var name = lower[(lower.LastIndexOf('/') + 1)..];
        if (DocumentExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)) || name.StartsWith("readme", StringComparison.Ordinal))
        {
            return "documentation";
        }

        if (ConfigurationExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
        {
            return "configuration";
        }

        if (TestFiles.IsTest(file))
        {
            return HeuristicTaskWriter.TestComponent;
        }

        var words = Words.Tokens(name).ToHashSet(StringComparer.Ordinal);
        return LanguageCatalog.Of(file)?.Name == "Shell" || LanguageCatalog.Of(file)?.Name == "PowerShell" ? "script"
            : words.Overlaps(["cli", "command", "commands", "cmd", "main", "program"]) ? "cli"
            : words.Overlaps(["routes", "route", "controller", "controllers", "handler", "handlers", "api", "server", "endpoints"]) ? "api"
            : words.Overlaps(["service", "services"]) ? "service"
            : words.Overlaps(["model", "models", "entity", "entities", "schema"]) ? "model"
            : "module";
    }

    /// <summary>A function name from the requirement's response: its verb and first object word, in the file's naming style.</summary>
    private static string InterfaceName(PlannedRequirement requirement, NamingStyle naming)
    {
        var response = requirement.Action.StartsWith("ensure that ", StringComparison.Ordinal) ? "check " + requirement.Action["ensure that ".Length..] : requirement.Action;
        response = AllowWhoTo().Replace(response, "");
        var words = Words.Tokens(response).Where(w => !Words.StopWords.Contains(w) || Verbs.Base.Contains(w)).Take(3).ToList();
        if (words.Count == 0)
        {
            return "";
        }

        return naming switch
        {
            NamingStyle.PascalCase => Words.ToPascalCase(words),
            NamingStyle.SnakeCase => Words.ToSnakeCase(words),
            _ => Words.ToCamelCase(words),
        };
    }

    /// <summary>Command lines and scripts call the modules of the design; documentation describes the rest. Edges only run from entry points to modules, so they never form a cycle.</summary>
    private static List<DesignComponent> WithDependencies(List<DesignComponent> components)
    {
        var modules = components.Where(c => c.Type is "module" or "service" or "model").Select(c => c.Name).ToList();
        return components.Select(c => c.Type is "cli" or "script" or "api"
            ? c with { Dependencies = modules.Where(m => m != c.Name).ToList() }
            : c).ToList();
    }

    private static List<DataModel> DataModels(IReadOnlyList<PlannedRequirement> requirements)
    {
        var models = new Dictionary<string, DataModel>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            foreach (Match match in ModelMention().Matches(requirement.Text))
            {
                var word = match.Groups["name"].Value.ToLowerInvariant();
                if (Words.StopWords.Contains(word) || Verbs.Base.Contains(word) || word is "data" or "database" or "the")
                {
                    continue;
                }

                var name = Words.ToPascalCase(Words.Tokens(word));
                if (models.ContainsKey(name))
                {
                    continue;
                }

                var fields = new List<DataField> { new("id", "string", "unique identifier") };
                var list = FieldList().Match(requirement.Text[match.Index..]);
                if (list.Success)
                {
                    fields.AddRange(list.Groups["fields"].Value.Split([",", " and ", " or "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(f => f.Contains('_', StringComparison.Ordinal) ? f.ToLowerInvariant() : Words.ToSnakeCase(Words.Tokens(f).Where(t => !Words.StopWords.Contains(t))))
                        .Where(f => f.Length > 0 && f != "id").Distinct(StringComparer.Ordinal).Take(6)
                        .Select(f => new DataField(f, FieldType(f), $"the {f.Replace('_', ' ')}")));
                }

                models[name] = new DataModel { Name = name, Description = $"Named by {requirement.Id}: {Words.Decapitalize(requirement.Title)}.", Fields = fields };
            }
        }

        return models.Values.ToList();
    }

    private static string FieldType(string field) =>
        field.EndsWith("_at", StringComparison.Ordinal) || field.Contains("date", StringComparison.Ordinal) || field.Contains("time", StringComparison.Ordinal) ? "datetime"
        : field.StartsWith("is_", StringComparison.Ordinal) || field.StartsWith("has_", StringComparison.Ordinal) || field.Contains("enabled", StringComparison.Ordinal) ? "boolean"
        : field.Contains("count", StringComparison.Ordinal) || field.Contains("number", StringComparison.Ordinal) || field.Contains("age", StringComparison.Ordinal) || field.Contains("size", StringComparison.Ordinal) ? "integer"
        : "string";

    private static List<ApiEndpoint> Endpoints(string title, IReadOnlyList<PlannedRequirement> requirements, List<DataModel> models)
    {
        var endpoints = new List<ApiEndpoint>();
        var resource = "/api/" + Words.ToKebabCase(FeatureKey.NameWords(title));
        var body = models.Count > 0 ? $"JSON {models[0].Name} ({string.Join(", ", models[0].Fields.Select(f => f.Name))})" : "JSON object with the feature's fields";
        foreach (var requirement in requirements)
        {
            var explicitOnes = ExplicitEndpoint().Matches(requirement.Text);
            var found = explicitOnes.Count > 0
                ? explicitOnes.Select(m => (Method: m.Groups["method"].Value, Path: m.Groups["path"].Value)).ToList()
                : MentionsEndpoint().IsMatch(requirement.Text) ? [(Method: MethodFor(requirement.Action), Path: resource)] : [];
            foreach (var (method, path) in found)
            {
                if (endpoints.Any(e => e.Method == method && e.Path == path))
                {
                    continue;
                }

                var auth = requirement.Type == RequirementCategory.Security;
                var errors = new List<string> { "400 when the request is invalid" };
                if (auth)
                {
                    errors.Add("401 when the caller is not authenticated");
                }

                if (path.Contains('{', StringComparison.Ordinal) || method is "PUT" or "PATCH" or "DELETE")
                {
                    errors.Add("404 when the resource does not exist");
                }

                endpoints.Add(new ApiEndpoint
                {
                    Method = method,
                    Path = path,
                    AuthRequired = auth,
                    Request = method is "GET" or "DELETE" ? "no body" : body,
                    Response = method == "POST" ? $"201 with the created {body}" : method == "DELETE" ? "204 with no body" : $"200 with {body}",
                    Errors = errors,
                });
            }
        }

        return endpoints;
    }

    private static string MethodFor(string action)
    {
        var first = action.Split(' ')[0];
        return first switch
        {
            "create" or "add" or "submit" or "register" or "upload" or "send" or "post" => "POST",
            "update" or "change" or "edit" or "rename" or "set" => "PUT",
            "delete" or "remove" or "revoke" => "DELETE",
            _ => "GET",
        };
    }

    private static string Overview(string title, RepositoryProfile profile, List<DesignComponent> components)
    {
        var existing = components.Where(c => profile.AllFiles.Contains(c.FilePath)).Select(c => c.FilePath).ToList();
        var created = components.Where(c => !profile.AllFiles.Contains(c.FilePath)).Select(c => c.FilePath).ToList();
        var overview = $"'{title.Trim()}' is built into {profile.Name}, a {profile.ProjectType}.";
        if (existing.Count > 0)
        {
            overview += $" It changes {string.Join(", ", existing)}.";
        }

        if (created.Count > 0)
        {
            overview += $" It adds {string.Join(", ", created)}, following the repository's {RepositoryLayout.PrimaryConvention(profile).Language} conventions.";
        }

        var entry = components.Where(c => c.Dependencies.Count > 0).Select(c => c.Name).ToList();
        if (entry.Count > 0)
        {
            overview += $" Entry points ({string.Join(", ", entry)}) call the module layer; modules know nothing of them.";
        }

        return overview + " Every component lists the requirements it serves.";
    }

    private static string ErrorHandling(IReadOnlyList<PlannedRequirement> requirements)
    {
        var unwanted = requirements.Where(r => r.Condition.StartsWith("If ", StringComparison.Ordinal)).ToList();
        return unwanted.Count == 0
            ? "Invalid input is rejected where it enters (command line, API or file) with a message that names the problem; no new error types are needed."
            : "Each unwanted-behaviour requirement is handled where the input enters: "
                + string.Join("; ", unwanted.Select(r => $"{Words.Decapitalize(r.Condition)} → {r.Action} ({r.Id})"))
                + ". Failures never leave partial output behind.";
    }

    private static string TestingStrategy(RepositoryProfile profile, List<DesignComponent> components, IReadOnlyList<string> specNamedFiles)
    {
        var tests = components.Where(c => c.Type is not ("documentation" or "configuration" or HeuristicTaskWriter.TestComponent))
            .Select(c => $"{RepositoryLayout.TestPathFor(profile, c.FilePath)} for {c.FilePath}").Distinct(StringComparer.Ordinal).ToList();
        var strategy = "Every acceptance criterion gets at least one automated test, in the repository's own layout"
            + (tests.Count > 0 ? $": {string.Join("; ", tests)}." : ".");
        var namedTests = specNamedFiles.Where(TestFiles.IsTest).ToList();
        if (namedTests.Count > 0)
        {
            strategy += $" The spec names {string.Join(", ", namedTests)}, so the new tests go there too.";
        }

        return strategy + (profile.TestCommand is null ? " No test command was detected; the tasks name one." : $" The suite runs in the task's sandbox with {CheckCatalog.Describe(profile.TestCommand)}.");
    }

    private static string Security(IReadOnlyList<PlannedRequirement> requirements, List<ApiEndpoint> endpoints)
    {
        var security = requirements.Where(r => r.Type == RequirementCategory.Security).Select(r => r.Id).ToList();
        var text = security.Count > 0
            ? $"Security requirements {string.Join(", ", security)} are enforced in the components that serve them and covered by tests."
            : "The feature adds no authentication, secrets or network access.";
        if (endpoints.Any(e => e.AuthRequired))
        {
            text += " Endpoints marked auth_required reject unauthenticated callers before any work.";
        }

        return text + " Input from users and the environment is validated before use and never executed as code.";
    }
}
