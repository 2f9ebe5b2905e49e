"""Errors shown to the user as one line, never as a traceback."""


class YjsgkError(Exception):
    """Base class: the message is written for the person running the command."""


class ReadError(YjsgkError):
    """A file could not be read as a disclosure."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
