#!/usr/bin/env bash
# Installs what OmoiOs needs on a fresh Debian/Ubuntu machine with the .NET 10 SDK, Node.js and git:
# the npm-pinned packages (Azurite; cytoscape and cytoscape-dagre, which the build embeds in the web view),
# bubblewrap (the local sandbox), Chromium (the web view's browser tests) and pytest for the system python3 (the
# sandboxed-check tests run a repository's tests with pytest, and without it from a virtual environment).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm git; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' is required but not on PATH." >&2; exit 3; }
done

# npm keeps a copy of the lock it installed in node_modules: a newer package-lock.json means new pins.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
/usr/bin/python3 -c 'import pytest' 2>/dev/null || missing+=(python3-pytest)
if (( ${#missing[@]} > 0 )); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "setup: installing ${missing[*]} with apt-get." >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
