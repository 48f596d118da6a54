#!/usr/bin/env bash
# The main job on the embedded default (Azurite + local sandbox + heuristic planner), on a fresh machine:
# installs what is missing, builds, starts the local server and checks that it answers.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh
omoi=(dotnet OmoiOs.Local/bin/Debug/net10.0/omoi.dll)

"${omoi[@]}" serve --port 5180 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if curl -fsS http://127.0.0.1:5180/api/health 2>/dev/null; then echo; exit 0; fi
  sleep 0.2
done
echo "quickstart: the local server did not answer on http://127.0.0.1:5180/api/health" >&2
exit 3
