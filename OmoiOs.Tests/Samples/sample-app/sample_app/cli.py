"""Command line entry point: prints one greeting."""

import argparse
import sys

from sample_app.greeting import build_greeting


def parse_args(argv):
    """Return the parsed command line arguments."""
    parser = argparse.ArgumentParser(prog="sample-app", description="Print a greeting.")
    parser.add_argument("--name", default=None, help="who to greet (default: World)")
    return parser.parse_args(argv)


def main(argv=None):
    """Print the greeting and return the process exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    print(build_greeting(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
