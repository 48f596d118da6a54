#!/bin/sh
# Runs both test suites without make; exits non-zero when either fails.
set -eu
cd "$(dirname "$0")"
python3 -m unittest discover -s tests -t . -v
node --test test/
