"""Greeting construction."""

DEFAULT_NAME = "World"


def build_greeting(name=None):
    """Return the greeting for name, or for DEFAULT_NAME when name is empty or None."""
    cleaned = (name or "").strip()
    return f"Hello, {cleaned or DEFAULT_NAME}!"
