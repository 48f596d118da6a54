trimmed: see SOURCE.md
