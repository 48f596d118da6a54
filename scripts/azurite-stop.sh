#!/usr/bin/env bash
# Stops the Azurite scripts/azurite.sh started (pid as the argument) the way that saves its tables: SIGTERM, then waits
# up to 30 s for it to exit. Says so when it does not, and leaves it running.
set -euo pipefail
pid=${1:?usage: scripts/azurite-stop.sh PID}
kill -TERM "$pid" 2>/dev/null || exit 0
for _ in $(seq 1 300); do
  # Gone, or a zombie that init has not reaped yet (it has exited: its tables are saved).
  state=$(sed -E 's/.*\) (.).*/\1/' "/proc/$pid/stat" 2>/dev/null) || exit 0
  [[ "$state" == Z ]] && exit 0
  sleep 0.1
done
echo "azurite: pid $pid did not exit within 30 s of SIGTERM; left running (see .azurite/azurite.log)" >&2
exit 3
