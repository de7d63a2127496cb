"""The errors the library raises: one base class, one subclass per thing that can go wrong.

Every message is one line and says what went wrong in the library's terms; it
names no command-line flag. The command line (:mod:`attribution.cli`) turns
these into ``error: ...`` lines and exit codes, and adds its own hints.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AliasError",
    "AttributionError",
    "BrowserError",
    "CacheError",
    "CorpusError",
    "EngineError",
    "ModelError",
    "OptionError",
]


class AttributionError(Exception):
    """Base class of every error this package raises on purpose."""


class CorpusError(AttributionError):
    """A file or text that cannot be read as articles; ``str()`` is a one-line message.

    A build does not stop on these: it skips the article and reports the reason.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class ModelError(AttributionError):
    """The spaCy pipeline cannot be loaded, or a Doc lacks the annotations extraction needs."""


class CacheError(AttributionError):
    """The cache file cannot be used; the message says why."""


class EngineError(AttributionError):
    """The engine that parses articles cannot start; the message says why."""


class AliasError(AttributionError, ValueError):
    """A user's alias table cannot be read, or a line of it is not ``alias<TAB>name``."""


class OptionError(AttributionError, ValueError):
    """Options that do not go together, or a value out of range."""


class BrowserError(AttributionError, RuntimeError):
    """No usable headless browser: Playwright or Chromium is missing, or it failed."""
