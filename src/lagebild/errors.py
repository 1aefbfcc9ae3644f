"""One error type per kind of failure.

A bad document is reported with its id and skipped; these types let the batch
runner tell the user *what kind* of problem it was without a traceback.
"""


class LagebildError(Exception):
    """Base class of every error Lagebild raises on purpose."""


class InputError(LagebildError):
    """A record or file cannot be read as a document (binary, empty, too large, malformed)."""


class ResourceError(LagebildError):
    """A bundled language resource is missing or malformed."""


class StageError(LagebildError):
    """A pipeline stage failed on one document."""


class UsageError(LagebildError):
    """The command line or API was called wrongly."""
