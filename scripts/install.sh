#!/usr/bin/env bash
# Puts `omoi` on the PATH: a small launcher that runs this checkout's build (so `git pull && ./scripts/build.sh`
# updates it). It goes in $OMOI_BIN_DIR if set, else the first of ~/.local/bin and /usr/local/bin that is on the
# PATH and writable, else ~/.local/bin with a note on adding it to the PATH. Prints the launcher's path.
set -euo pipefail
cd "$(dirname "$0")/.."

app="$PWD/OmoiOs.Local/bin/${CONFIGURATION:-Debug}/net10.0/omoi.dll"
[[ -f "$app" ]] || { echo "install: $app is missing; run ./scripts/build.sh first." >&2; exit 3; }

on_path() { [[ ":$PATH:" == *":$1:"* ]]; }
bin="${OMOI_BIN_DIR:-}"
if [[ -z "$bin" ]]; then
  for candidate in "$HOME/.local/bin" /usr/local/bin; do
    if on_path "$candidate" && { [[ -w "$candidate" ]] || [[ ! -e "$candidate" && -w "$(dirname "$candidate")" ]]; }; then
      bin="$candidate"
      break
    fi
  done
fi
bin="${bin:-$HOME/.local/bin}"
mkdir -p "$bin"

launcher="$bin/omoi"
tmp=$(mktemp "$bin/.omoi.XXXXXX")
cat >"$tmp" <<LAUNCHER
#!/bin/sh
# The omoi command of the OmoiOs checkout at $PWD (written by its scripts/install.sh).
app='$app'
if [ ! -f "\$app" ]; then
  echo "omoi: \$app is missing: build the checkout (./scripts/build.sh) or run scripts/install.sh from another one." >&2
  exit 3
fi
exec dotnet "\$app" "\$@"
LAUNCHER
chmod 755 "$tmp"
mv -f "$tmp" "$launcher"

echo "install: $launcher runs $app" >&2
echo "$launcher"
if ! on_path "$bin"; then
  echo "install: $bin is not on your PATH; add it with: echo 'export PATH=\"$bin:\$PATH\"' >> ~/.profile && . ~/.profile" >&2
fi
