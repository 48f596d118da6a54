using OmoiOs.Core.Export;
using static OmoiOs.Tests.Core.Export.ExportBuilders;

namespace OmoiOs.Tests.Core.Export;

public sealed class SpecKitExporterTests
{
    private static string File(string name, OmoiOs.Core.Export.SpecExportSource? source = null) =>
        SpecKitExporter.Export(source ?? Source()).Single(f => f.Path == $"specs/001-password-reset/{name}").Content;

    [Fact]
    public void Export_Spec_WritesStoriesAndFunctionalRequirements()
    {
        const string expected = """
            # Feature Specification: Password reset

            **Feature Branch**: `omoi/spec-0123456789ab`

            **Status**: planning_complete

            **Input**: Let locked-out users reset their password by email.

            ## User Scenarios & Testing

            ### User Story 1 - Email a reset link (Priority: P2)

            As a user, I want the system to email a single-use link.

            **Acceptance Scenarios**:

            1. An email arrives within 1 minute.
            2. The link works once.

            ### User Story 2 - Expire old links (Priority: P1)

            As a user, I want the system to reject it.

            **Acceptance Scenarios**:

            1. A 31-minute-old link is refused.
            2. A refused link explains why.

            ## Requirements

            ### Functional Requirements

            - **FR-001**: When the user requests a password reset, the system shall email a single-use link. (REQ-RESET-FUNC-001)
            - **FR-002**: If a reset link is older than 30 minutes, then the system shall reject it. (REQ-RESET-SEC-001)

            """;

        Assert.Equal(expected, File("spec.md"));
    }

    [Fact]
    public void Export_Plan_StartsWithSummaryAndLinksTheSpec()
    {
        var plan = File("plan.md");

        Assert.StartsWith(
            "# Implementation Plan: Password reset\n\n**Branch**: `omoi/spec-0123456789ab` | **Spec**: [spec.md](spec.md)\n\n## Summary\n\nA reset service beside the auth module.\n\n## Components and Interfaces\n",
            plan,
            StringComparison.Ordinal);
        Assert.EndsWith("## Testing Strategy\n\nUnit tests.\n", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Tasks_MarksParallelTasksFromTheGraph()
    {
        const string expected = """
            # Tasks: Password reset

            **Input**: Design documents from `specs/001-password-reset/`

            **[P]**: can run in parallel with another task of its phase (no dependency between them, no file in common)

            ## Phase 1 (no dependencies)

            - [ ] T001 [P] [US1] Create the reset service in src/reset.py
            - [X] T002 [P] [US2] Expire tokens in src/tokens.py

            ## Phase 2 (after phase 1)

            - [ ] T003 [US1] [US2] Wire the endpoint in src/reset.py (depends on T001, T002)

            """;

        Assert.Equal(expected, File("tasks.md"));
    }

    [Fact]
    public void Export_TasksSharingFiles_AreParallelOnlyWithADisjointPeer()
    {
        var source = Source() with
        {
            Tasks =
            [
                Task("TSK-001", "A", [], [], [], ["src/shared.py"]),
                Task("TSK-002", "B", [], [], [], ["src/shared.py", "src/b.py"]),
                Task("TSK-003", "C", ["TSK-001"], [], [], ["src/c.py"]),
                Task("TSK-004", "D", ["TSK-001"], [], ["src/c.py"], []),
            ],
        };

        var lines = File("tasks.md", source).Split('\n').Where(l => l.StartsWith("- [", StringComparison.Ordinal));

        Assert.Equal(
        [
            "- [ ] T001 A in src/shared.py",
            "- [ ] T002 B in src/shared.py, src/b.py",
            "- [ ] T003 C in src/c.py (depends on T001)",
            "- [ ] T004 D in src/c.py (depends on T001)",
        ],
            lines);
    }

    [Fact]
    public void Export_ThreeTasksTwoSharingAFile_AllAreParallel()
    {
        var source = Source() with
        {
            Tasks =
            [
                Task("TSK-001", "A", [], [], [], ["src/shared.py"]),
                Task("TSK-002", "B", [], [], [], ["src/shared.py"]),
                Task("TSK-003", "C", [], [], [], []),
            ],
        };

        var lines = File("tasks.md", source).Split('\n').Where(l => l.StartsWith("- [", StringComparison.Ordinal));

        Assert.Equal(["- [ ] T001 [P] A in src/shared.py", "- [ ] T002 [P] B in src/shared.py", "- [ ] T003 [P] C"], lines);
    }

    [Fact]
    public void Export_KeysOutOfDependencyOrder_NumbersTasksByTheirKeys()
    {
        var source = Source() with { Tasks = [Task("TSK-001", "Use it", ["TSK-002"], [], [], []), Task("TSK-002", "Build it", [], [], [], [])] };

        var lines = File("tasks.md", source).Split('\n').Where(l => l.StartsWith("- [", StringComparison.Ordinal));

        Assert.Equal(["- [ ] T002 Build it", "- [ ] T001 Use it (depends on T002)"], lines);
    }

    [Fact]
    public void Export_SingleTaskPhase_IsNotParallel()
    {
        var source = Source() with { Tasks = [Task("TSK-001", "Only", [], [], [], [])] };

        Assert.Contains("- [ ] T001 Only\n", File("tasks.md", source), StringComparison.Ordinal);
    }
}
