#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, Azurite integration, sandbox, HTTP, end to end).
# A test that fails is run once more on its own; one that then passes is reported as FLAKY (the run still passes),
# one that fails again fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh
started=$(./scripts/azurite.sh)
trap '[[ -n "$started" ]] && ./scripts/azurite-stop.sh "$started" || true' EXIT

results=$(mktemp -d)
run_tests() {
  dotnet test OmoiOs.Tests/OmoiOs.Tests.csproj --no-build -nologo --logger "console;verbosity=minimal" \
    --logger "trx;LogFileName=$1" --results-directory "$results" "${@:2}"
}

if run_tests first.trx "$@"; then
  exit 0
fi

failed=$(grep -o 'testName="[^"]*" [^>]*outcome="Failed"' "$results/first.trx" | sed -E 's/testName="([^"(]*).*/\1/' | sort -u)
if [[ -z "$failed" ]]; then
  exit 1
fi

filter=$(printf 'FullyQualifiedName=%s|' $failed)
echo "test: running the failed tests once more:" $failed >&2
if run_tests second.trx --filter "${filter%|}"; then
  echo "test: FLAKY (failed once, passed on the second run):" >&2
  printf '  %s\n' $failed >&2
  exit 0
fi
exit 1
