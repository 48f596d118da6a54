#!/usr/bin/env bash
# The main job on the embedded default (Azurite + local bubblewrap sandbox + heuristic planner), on a fresh
# machine: installs what is missing, builds, and runs the bundled example spec end to end against a fresh git
# copy of the bundled sample repository, with the bundled example agent. Leaves `omoi` on the PATH (scripts/install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh
omoi=$(./scripts/install.sh)

repo=".omoi/quickstart/sample-app"
rm -rf "$repo"
mkdir -p "$(dirname "$repo")"
cp -r OmoiOs.Tests/Samples/sample-app "$repo"
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.name=omoi -c user.email=omoi@localhost -c commit.gpgsign=false commit -q -m "sample-app"

exec "$omoi" run examples/specs/greeting-feature.md --repo "$repo" "$@"
