"""sample_app: builds greetings for people by name."""

from sample_app.greeting import DEFAULT_NAME, build_greeting

__all__ = ["DEFAULT_NAME", "build_greeting"]
