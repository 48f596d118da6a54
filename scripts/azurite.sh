#!/usr/bin/env bash
# Starts Azurite on 127.0.0.1 (blob 10000, queue 10001, table 10002) unless something already listens there.
# Data goes under .azurite/ (gitignored). Prints the pid it started, or nothing.
# Stop it with SIGTERM (it saves its tables then; a SIGKILL loses the writes of its last ~5 s): scripts/azurite-stop.sh PID.
# --disableTelemetry: with telemetry on, Azurite took 22-128 s to exit after SIGTERM on this machine (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  exit 0
fi
mkdir -p .azurite/data
nohup node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite/data \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then echo "$pid"; exit 0; fi
  sleep 0.1
done
echo "azurite: did not start listening on 127.0.0.1:10002; see .azurite/azurite.log" >&2
exit 3
