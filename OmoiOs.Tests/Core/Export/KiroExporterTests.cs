using OmoiOs.Core.Export;
using static OmoiOs.Tests.Core.Export.ExportBuilders;

namespace OmoiOs.Tests.Core.Export;

public sealed class KiroExporterTests
{
    private static string File(string name) =>
        KiroExporter.Export(Source()).Single(f => f.Path == $".kiro/specs/password-reset/{name}").Content;

    [Fact]
    public void Export_Spec_WritesTheThreeKiroFiles()
    {
        var paths = KiroExporter.Export(Source()).Select(f => f.Path);

        Assert.Equal([".kiro/specs/password-reset/requirements.md", ".kiro/specs/password-reset/design.md", ".kiro/specs/password-reset/tasks.md"], paths);
    }

    [Fact]
    public void Export_Requirements_NumbersRequirementsAndCriteria()
    {
        const string expected = """
            # Requirements Document

            ## Introduction

            Let locked-out users reset their password by email.

            ## Requirements

            ### Requirement 1: Email a reset link

            **Key:** REQ-RESET-FUNC-001 · **Pattern:** event_driven · **Priority:** high

            **User Story:** As a user, I want the system to email a single-use link.

            **Requirement:** When the user requests a password reset, the system shall email a single-use link.

            #### Acceptance Criteria

            - 1.1 An email arrives within 1 minute.
            - 1.2 The link works once.

            ### Requirement 2: Expire old links

            **Key:** REQ-RESET-SEC-001 · **Pattern:** unwanted_behaviour · **Priority:** critical

            **User Story:** As a user, I want the system to reject it.

            **Requirement:** If a reset link is older than 30 minutes, then the system shall reject it.

            #### Acceptance Criteria

            - 2.1 A 31-minute-old link is refused.
            - 2.2 A refused link explains why.

            """;

        Assert.Equal(expected, File("requirements.md"));
    }

    [Fact]
    public void Export_Design_RendersComponentsModelsAndEndpoints()
    {
        const string expected = """
            # Design Document

            ## Overview

            A reset service beside the auth module.

            ## Components and Interfaces

            ### ResetService

            - **Type:** service
            - **File:** `src/reset.py`
            - **Responsibility:** Issues links.
            - **Interfaces:** `request_reset(email)`
            - **Requirements:** 1 (REQ-RESET-FUNC-001)

            ## Data Models

            ### ResetToken

            A single-use token.

            | Field | Type | Description |
            |---|---|---|
            | token | str | random \| url-safe |

            ## API Endpoints

            | Method | Path | Auth | Request | Response | Errors |
            |---|---|---|---|---|---|
            | POST | /reset | no | {email} | 202 | 429 |

            ## Testing Strategy

            Unit tests.

            """;

        Assert.Equal(expected, File("design.md"));
    }

    [Fact]
    public void Export_Tasks_ChecksDoneTasksAndReferencesCriteria()
    {
        const string expected = """
            # Implementation Plan

            - [ ] 1. Create the reset service
              - Files: `src/reset.py` (new)
              - _Requirements: 1.1, 1.2_

            - [x] 2. Expire tokens
              - Add a TTL to tokens.
              - Files: `src/tokens.py`
              - _Requirements: 2.1, 2.2_

            - [ ] 3. Wire the endpoint
              - Files: `src/reset.py`
              - Depends on: 1, 2
              - _Requirements: 1.1, 1.2, 2.1, 2.2_

            """;

        Assert.Equal(expected, File("tasks.md"));
    }

    [Fact]
    public void Export_NoDesign_SaysSo()
    {
        var files = KiroExporter.Export(Source() with { Design = null });

        Assert.Equal("# Design Document\n\n_No design has been recorded for this spec._\n", files.Single(f => f.Path.EndsWith("design.md", StringComparison.Ordinal)).Content);
    }
}
