#!/usr/bin/env bash
# Builds the solution against the packages pinned in Directory.Packages.props, naming each project as it is built
# (a live view in a terminal, one line per project otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "build: OmoiOs.sln (${CONFIGURATION:-Debug}); the first build restores packages and takes a few minutes." >&2
dotnet build OmoiOs.sln -c "${CONFIGURATION:-Debug}" -nologo -v:minimal "$@"
