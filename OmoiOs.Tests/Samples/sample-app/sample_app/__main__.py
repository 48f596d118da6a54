"""Allows `python3 -m sample_app`."""

import sys

from sample_app.cli import main

sys.exit(main())
