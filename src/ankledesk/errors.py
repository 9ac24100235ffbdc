"""The one exception type that reaches a user as a single line instead of a traceback.

Anything raised as `UserError` is something the user can act on (a bad file, an unknown id, a
locked data folder); the CLI prints its message and exits non-zero, the GUI shows a dialog.
The message often repeats what the user typed, so its control characters are escaped here,
once for every message (see ankledesk.core.terminal).
"""

from ankledesk.core.terminal import shown


class UserError(Exception):
    """A problem the user can fix, with the message they should read."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(shown(message))
        self.exit_code = exit_code


INTERRUPTED_EXIT = 130
TERMINATED_EXIT = 143


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like KeyboardInterrupt (a BaseException, so no `except
    Exception` swallows it), releasing the data folder's lock on the way out."""
