#!/bin/sh
# Prints a greeting for the first argument (or the default name) through the Python CLI.
set -eu
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then
  exec python3 -m sample_app --name "$1"
fi
exec python3 -m sample_app
