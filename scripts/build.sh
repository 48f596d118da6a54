#!/usr/bin/env bash
# Builds the solution against the packages pinned in Directory.Packages.props.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build OmoiOs.sln -c "${CONFIGURATION:-Debug}" -nologo -clp:ErrorsOnly "$@"
