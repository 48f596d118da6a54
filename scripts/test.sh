#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, Azurite integration, sandbox, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh
started=$(./scripts/azurite.sh)
trap '[[ -n "$started" ]] && kill "$started" 2>/dev/null || true' EXIT

dotnet test OmoiOs.Tests/OmoiOs.Tests.csproj --no-build -nologo --logger "console;verbosity=minimal" "$@"
