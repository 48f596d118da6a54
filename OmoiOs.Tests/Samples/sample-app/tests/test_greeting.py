import unittest

from sample_app.greeting import DEFAULT_NAME, build_greeting


class BuildGreetingTests(unittest.TestCase):
    def test_build_greeting_with_name_greets_that_name(self):
        self.assertEqual(build_greeting("Ada"), "Hello, Ada!")

    def test_build_greeting_strips_surrounding_whitespace(self):
        self.assertEqual(build_greeting("  Ada  "), "Hello, Ada!")

    def test_build_greeting_without_name_greets_default(self):
        self.assertEqual(build_greeting(None), f"Hello, {DEFAULT_NAME}!")
        self.assertEqual(build_greeting("   "), f"Hello, {DEFAULT_NAME}!")


if __name__ == "__main__":
    unittest.main()
