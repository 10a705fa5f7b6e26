"""How long work tells the screen or the terminal how far it is, and hears a request to stop.

A use case that takes minutes (erasing children past retention, a roster import, a backup)
takes an optional `progress(done, total)` callback and calls it between batches or rows;
the callback returns False to ask the work to stop at the next point where stopping leaves
the records whole. Qt-free, so the CLI and the tests use it as the desktop does.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]


def go_on(progress: Progress | None, done: int, total: int) -> bool:
    """Report `done` of `total`; False when the callback asked to stop."""
    return progress is None or progress(done, total) is not False
