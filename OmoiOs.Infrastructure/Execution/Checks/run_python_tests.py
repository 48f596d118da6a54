"""OmoiOs's check for Python tests when the sandbox has python3 but no pytest.

Runs with the standard library only. It collects test_*.py and *_test.py files (outside hidden folders, virtual
environments, node_modules and site-packages) and runs, as pytest would: module-level functions named test*, the test*
methods of classes named Test* that have no __init__, and unittest.TestCase classes. It is not pytest: of its fixtures
only tmp_path is given (a fresh temporary folder); conftest.py, marks and parametrize are not supported. A test that asks
for another argument is counted as not run; a test module that imports pytest cannot be checked without pytest and stops
the check with exit code 127.

Each test file is imported the way pytest's default "prepend" import mode does (its first folder upwards without an
__init__.py goes first on sys.path); the repository root is on sys.path too, as `python3 -m pytest` puts it. A src
layout's folder comes from PYTHONPATH, which the planned check sets (CheckCatalog), as it does for pytest.

Exit codes follow pytest: 0 all collected tests passed, 1 some failed, 5 no tests were collected; 127 pytest is needed.
"""
import importlib
import inspect
import os
import pathlib
import sys
import tempfile
import traceback
import unittest

SKIPPED_FOLDERS = {"node_modules", "site-packages", "venv", "env", "__pycache__", "build", "dist"}


def test_files(root):
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS)
        for name in sorted(files):
            if name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py")):
                yield os.path.join(folder, name)


def import_test_module(path):
    folder = os.path.dirname(os.path.abspath(path))
    parts = [os.path.splitext(os.path.basename(path))[0]]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(".".join(parts))


def plain_tests(module):
    """(name, callable) for pytest-style functions and Test* class methods defined in the module."""
    for name, value in vars(module).items():
        if name.startswith("test") and inspect.isfunction(value) and value.__module__ == module.__name__:
            yield name, value
        elif (name.startswith("Test") and inspect.isclass(value) and value.__module__ == module.__name__
              and not issubclass(value, unittest.TestCase) and "__init__" not in vars(value)):
            for method in sorted(m for m in dir(value) if m.startswith("test") and callable(getattr(value, m))):
                yield f"{name}::{method}", (lambda cls=value, m=method: getattr(cls(), m))()


SUPPORTED_FIXTURES = {"tmp_path"}


def required_arguments(function):
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def call(function, arguments):
    if not arguments:
        return function()
    with tempfile.TemporaryDirectory(prefix="omoi-test-") as folder:
        return function(tmp_path=pathlib.Path(folder))


def main():
    root = os.getcwd()
    if root not in sys.path:
        sys.path.insert(0, root)

    passed, failed, not_run = 0, 0, []
    for path in test_files(root):
        shown = os.path.relpath(path, root)
        try:
            module = import_test_module(path)
        except ModuleNotFoundError as missing:
            if missing.name == "pytest" or (missing.name or "").startswith("_pytest"):
                print(f"{shown} imports pytest, which is not installed in the sandbox: these tests cannot be checked "
                      "without it (install it with a setup step, .omoi/setup.sh or options.setupCommand, or mount "
                      "a Python that has it with OMOI_SANDBOX_READONLY_PATHS and OMOI_SANDBOX_PATH).")
                return 127
            print(f"ERROR {shown}: cannot import it:\n{traceback.format_exc()}")
            failed += 1
            continue
        except Exception:
            print(f"ERROR {shown}: cannot import it:\n{traceback.format_exc()}")
            failed += 1
            continue

        for name, function in plain_tests(module):
            test_id = f"{shown}::{name}"
            arguments = required_arguments(function)
            unsupported = [a for a in arguments if a not in SUPPORTED_FIXTURES]
            if unsupported:
                not_run.append(f"{test_id} (needs fixtures: {', '.join(unsupported)})")
                continue
            try:
                result = call(function, arguments)
                if inspect.iscoroutine(result):
                    result.close()
                    not_run.append(f"{test_id} (async test)")
                    continue
                print(f"PASSED {test_id}")
                passed += 1
            except Exception:
                print(f"FAILED {test_id}\n{traceback.format_exc()}")
                failed += 1

        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        if suite.countTestCases() > 0:
            outcome = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
            broken = len(outcome.failures) + len(outcome.errors) + len(outcome.unexpectedSuccesses)
            failed += broken
            passed += outcome.testsRun - broken - len(outcome.skipped)
            not_run.extend(f"{test.id()} (skipped: {why})" for test, why in outcome.skipped)

    for entry in not_run:
        print(f"NOT RUN {entry}")
    ran = passed + failed
    print(f"omoi python check (pytest not installed): ran {ran} tests: {passed} passed, {failed} failed; {len(not_run)} not run")
    if ran == 0:
        print("no tests were collected")
        return 5
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
