using OmoiOs.Core.Domain;
using OmoiOs.Core.Planning.Grounding;
using OmoiOs.Core.Planning.Outputs;
using OmoiOs.Infrastructure.Execution.Checks;

namespace OmoiOs.Infrastructure.Planners.Heuristic;

/// <summary>
/// TASKS from the design: implementation tasks per component (at most <see cref="RequirementsPerTask"/> requirements each),
/// a test task per component, a documentation task, dependencies that form a DAG in which any two tasks touching the same
/// file are ordered, and the critical path by estimated hours. Every requirement is addressed by an implementation
/// task, or by a documentation task when the design gives it to a document.
/// </summary>
public static class HeuristicTaskWriter
{
    public const int RequirementsPerTask = 3;

    /// <summary>The design component type of a test file (<see cref="HeuristicDesignWriter"/>).</summary>
    public const string TestComponent = "test";

    private const int MaxHours = 4;

    /// <param name="feedback">Requirements it calls uncovered get an implementation task even when the design gave them to a document.</param>
    /// <param name="specNamedFiles">Existing files the spec names; each one is changed by a task.</param>
    public static TasksOutput Write(string title, RequirementsOutput requirements, DesignOutput design, RepositoryProfile profile, PlannerFeedback feedback, IReadOnlyList<string> specNamedFiles)
    {
        ArgumentNullException.ThrowIfNull(specNamedFiles);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(profile);
        var known = requirements.Requirements.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var plan = new Plan(profile);
        var implementations = new Dictionary<int, List<Draft>>();
        var components = Order(design.Components);

        // A spec that names one test file ("tests go in tests/test_misc.py") wants the feature's tests there, not in a
        // test file per source file beside it.
        var oneNamedTestFile = design.Components.Count(c => c.Type == TestComponent) == 1;
        var testedInNamed = new List<PlannedRequirement>();
        foreach (var index in components.Where(i => design.Components[i].Type is not ("documentation" or TestComponent)))
        {
            var component = design.Components[index];
            var served = component.Requirements.Where(known.ContainsKey).Distinct(StringComparer.Ordinal).Select(id => known[id]).ToList();
            if (served.Count == 0 || component.FilePath.Length == 0)
            {
                continue;
            }

            var after = component.Dependencies
                .SelectMany(name => design.Components.Select((c, i) => (c, i)).Where(x => x.c.Name == name && implementations.ContainsKey(x.i)))
                .Select(x => implementations[x.i][^1]).ToList();
            implementations[index] = plan.Implement(component.FilePath, served, component.Type == "configuration", after);
            TestOrDefer(component.FilePath, served, implementations[index]);
        }

        // A test file the design names (a spec's "tests go in tests/test_x.py") gets tests, after every implementation; never an implementation or a test of its own.
        foreach (var index in components.Where(i => design.Components[i].Type == TestComponent))
        {
            var component = design.Components[index];
            var served = testedInNamed.Concat(component.Requirements.Where(known.ContainsKey).Select(id => known[id])).DistinctBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (served.Count > 0)
            {
                implementations[index] = [plan.TestIn(component.FilePath, component.FilePath, served, implementations.Values.SelectMany(d => d).ToList())];
            }
        }

        var documentation = components.Where(i => design.Components[i].Type == "documentation").ToList();
        var covered = implementations.Values.SelectMany(d => d).SelectMany(d => d.Requirements).Select(r => r.Id)
            .Concat(documentation.SelectMany(i => design.Components[i].Requirements).Where(id => !feedback.UncoveredRequirements.Contains(id)))
            .ToHashSet(StringComparer.Ordinal);
        var uncovered = requirements.Requirements.Where(r => !covered.Contains(r.Id)).ToList();
        if (uncovered.Count > 0)
        {
            var path = RepositoryLayout.NewSourcePath(profile, FeatureKey.NameWords(title));
            var drafts = plan.Implement(path, uncovered, configuration: false, []);
            plan.Test(path, uncovered, drafts);
        }

        foreach (var index in documentation)
        {
            var component = design.Components[index];
            plan.Document(component.FilePath, component.Requirements.Where(known.ContainsKey).Select(id => known[id]).ToList());
        }

        if (documentation.Count == 0)
        {
            plan.Document(profile.Readme ?? $"docs/{Words.ToKebabCase(FeatureKey.NameWords(title))}.md", requirements.Requirements);
        }

        plan.Include(specNamedFiles);
        return plan.ToOutput();

        void TestOrDefer(string sourceFile, List<PlannedRequirement> served, List<Draft> drafts)
        {
            if (oneNamedTestFile)
            {
                testedInNamed.AddRange(served);
            }
            else
            {
                plan.Test(sourceFile, served, drafts);
            }
        }
    }

    /// <summary>Components in dependency order (a component after those it depends on), ties and cycles broken by the design's order.</summary>
    private static List<int> Order(IReadOnlyList<DesignComponent> components)
    {
        var order = new List<int>();
        var placed = new HashSet<int>();
        while (order.Count < components.Count)
        {
            var next = Enumerable.Range(0, components.Count).Where(i => !placed.Contains(i)).FirstOrDefault(i => components[i].Dependencies
                .All(name => components.Select((c, j) => (c, j)).Where(x => x.c.Name == name && x.j != i).All(x => placed.Contains(x.j))), -1);
            next = next >= 0 ? next : Enumerable.Range(0, components.Count).First(i => !placed.Contains(i));
            order.Add(next);
            placed.Add(next);
        }

        return order;
    }

    /// <summary>A task before it has its id; dependencies point at earlier drafts only, so the graph is acyclic by construction.</summary>
    private sealed class Draft
    {
        public required string Title { get; init; }

        public required string Description { get; init; }

        public required SpecTaskType Type { get; init; }

        public required double Hours { get; init; }

        public required List<PlannedRequirement> Requirements { get; init; }

        public List<string> Create { get; } = [];

        public List<string> Modify { get; } = [];

        public List<Draft> After { get; } = [];

        public List<string> Criteria { get; } = [];

        public IEnumerable<string> Files => Create.Concat(Modify);
    }

    private sealed class Plan(RepositoryProfile profile)
    {
        private readonly List<Draft> _drafts = [];
        private readonly HashSet<string> _present = new(profile.AllFiles, StringComparer.Ordinal);
        private readonly string _passes = profile.TestCommand is null ? "The repository's tests pass." : $"The check passes: {CheckCatalog.Describe(profile.TestCommand)}.";

        public List<Draft> Implement(string file, List<PlannedRequirement> served, bool configuration, List<Draft> after)
        {
            var drafts = new List<Draft>();
            foreach (var chunk in served.Chunk(RequirementsPerTask))
            {
                var draft = new Draft
                {
                    Title = $"Implement in {file}: {string.Join("; ", chunk.Select(r => Words.Decapitalize(r.Title)))}",
                    Description = $"Change {file} so that: " + string.Join(" ", chunk.Select(r => $"{r.Text} ({r.Id})")),
                    Type = configuration ? SpecTaskType.Configuration : SpecTaskType.Implementation,
                    Hours = Math.Min(MaxHours, 1 + chunk.Length),
                    Requirements = [.. chunk],
                };
                Touch(draft, file);
                draft.After.AddRange(after);
                draft.Criteria.AddRange(chunk.Select(r => r.AcceptanceCriteria.Count > 0 ? r.AcceptanceCriteria[0] : $"{r.Id} holds: {r.Text}"));
                draft.Criteria.Add(_passes);
                drafts.Add(Add(draft));
            }

            return drafts;
        }

        public void Test(string sourceFile, List<PlannedRequirement> served, List<Draft> implementations)
        {
            TestIn(RepositoryLayout.TestPathFor(profile, sourceFile), sourceFile, served, implementations);
        }

        public Draft TestIn(string testFile, string subject, List<PlannedRequirement> served, List<Draft> implementations)
        {
            var ids = string.Join(", ", served.Select(r => r.Id));
            var draft = new Draft
            {
                Title = subject == testFile ? $"Test the feature in {testFile}" : $"Test {subject} ({testFile})",
                Description = $"Write tests in {testFile} for every acceptance criterion of {ids}.",
                Type = SpecTaskType.Test,
                Hours = Math.Min(MaxHours, 1 + ((served.Count + 1) / 2)),
                Requirements = served,
            };
            Touch(draft, testFile);
            draft.After.AddRange(implementations);
            draft.Criteria.Add($"{testFile} has a test for every acceptance criterion of {ids}.");
            draft.Criteria.Add("Each new test fails when the behaviour it checks is removed.");
            draft.Criteria.Add(_passes);
            return Add(draft);
        }

        public void Document(string file, IReadOnlyList<PlannedRequirement> served)
        {
            if (served.Count == 0)
            {
                return;
            }

            var draft = new Draft
            {
                Title = $"Document the feature in {file}",
                Description = $"Describe in {file}: " + string.Join("; ", served.Select(r => Words.Decapitalize(r.Title))) + ".",
                Type = SpecTaskType.Documentation,
                Hours = 1,
                Requirements = [.. served],
            };
            Touch(draft, file);
            draft.After.AddRange(_drafts.Where(d => d.Type is SpecTaskType.Implementation or SpecTaskType.Configuration));
            draft.Criteria.Add($"{file} describes {string.Join(", ", served.Select(r => r.Id))}.");
            draft.Criteria.Add($"Every command shown in {file} runs as written.");
            Add(draft);
        }

        /// <summary>Gives every named file that no task touches yet to the task of its kind: a test to the last test task, anything else to the first implementation task.</summary>
        public void Include(IReadOnlyList<string> files)
        {
            foreach (var file in files.Where(f => !_drafts.Any(d => d.Files.Contains(f, StringComparer.Ordinal))))
            {
                var owner = TestFiles.IsTest(file)
                    ? _drafts.LastOrDefault(d => d.Type == SpecTaskType.Test)
                    : _drafts.FirstOrDefault(d => d.Type is SpecTaskType.Implementation or SpecTaskType.Configuration);
                owner ??= _drafts.LastOrDefault();
                if (owner is null)
                {
                    continue;
                }

                Touch(owner, file);
                var index = _drafts.IndexOf(owner);
                owner.After.AddRange(_drafts.Take(index).Where(d => d.Files.Contains(file, StringComparer.Ordinal) && !owner.After.Contains(d)));
            }
        }

        public TasksOutput ToOutput()
        {
            var ids = _drafts.Select((d, i) => (d, Id: Words.Invariant($"TSK-{i + 1:000}"))).ToDictionary(x => x.d, x => x.Id);
            var tasks = _drafts.Select(d => new PlannedTask
            {
                Id = ids[d],
                Title = d.Title,
                Description = d.Description,
                Type = d.Type,
                Priority = d.Type == SpecTaskType.Documentation ? Priority.Low : d.Requirements.Min(r => r.Priority),
                EstimatedHours = d.Hours,
                FilesToCreate = d.Create,
                FilesToModify = d.Modify,
                DependsOn = d.After.Distinct().Select(a => ids[a]).Order(StringComparer.Ordinal).ToList(),
                RequirementsAddressed = d.Requirements.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList(),
                AcceptanceCriteria = d.Criteria.Distinct(StringComparer.Ordinal).ToList(),
            }).ToList();
            return new TasksOutput { Tasks = tasks, CriticalPath = CriticalPath(tasks) };
        }

        private void Touch(Draft draft, string file)
        {
            (_present.Add(file) ? draft.Create : draft.Modify).Add(file);
        }

        /// <summary>Adds a draft after every earlier draft that touches one of its files, so no two parallel tasks edit the same file.</summary>
        private Draft Add(Draft draft)
        {
            var files = draft.Files.ToHashSet(StringComparer.Ordinal);
            draft.After.AddRange(_drafts.Where(d => d.Files.Any(files.Contains) && !draft.After.Contains(d)));
            _drafts.Add(draft);
            return draft;
        }

        /// <summary>The longest chain by estimated hours; the earliest task wins a tie.</summary>
        private static List<string> CriticalPath(List<PlannedTask> tasks)
        {
            var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var length = new double[tasks.Count];
            var previous = new int[tasks.Count];
            for (var i = 0; i < tasks.Count; i++)
            {
                previous[i] = -1;
                foreach (var dependency in tasks[i].DependsOn.Select(d => index[d]).Order())
                {
                    if (length[dependency] > (previous[i] < 0 ? 0 : length[previous[i]]))
                    {
                        previous[i] = dependency;
                    }
                }

                length[i] = tasks[i].EstimatedHours + (previous[i] < 0 ? 0 : length[previous[i]]);
            }

            var path = new List<string>();
            var end = tasks.Count == 0 ? -1 : Array.IndexOf(length, length.Max());
            for (var at = end; at >= 0; at = previous[at])
            {
                path.Add(tasks[at].Id);
            }

            path.Reverse();
            return path;
        }
    }
}
