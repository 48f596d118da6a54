#!/usr/bin/env bash
# Installs what OmoiOs needs on a fresh Debian/Ubuntu machine with the .NET 10 SDK, Node.js and git:
# the npm-pinned Azurite and bubblewrap (the local sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm git; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' is required but not on PATH." >&2; exit 3; }
done

if [[ ! -x node_modules/.bin/azurite ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! command -v bwrap >/dev/null; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing bubblewrap (the local sandbox) with apt-get." >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq bubblewrap >/dev/null
fi
