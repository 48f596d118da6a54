import contextlib
import io
import os
import subprocess
import unittest

from sample_app.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CliTests(unittest.TestCase):
    def run_main(self, argv):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(argv)
        return code, output.getvalue()

    def test_main_with_name_prints_greeting(self):
        self.assertEqual(self.run_main(["--name", "Ada"]), (0, "Hello, Ada!\n"))

    def test_main_without_arguments_prints_default_greeting(self):
        self.assertEqual(self.run_main([]), (0, "Hello, World!\n"))

    def test_greet_script_passes_its_argument_as_the_name(self):
        result = subprocess.run(
            ["sh", os.path.join(ROOT, "scripts", "greet.sh"), "Grace"],
            capture_output=True, text=True, cwd=ROOT, check=False)
        self.assertEqual((result.returncode, result.stdout), (0, "Hello, Grace!\n"))


if __name__ == "__main__":
    unittest.main()
