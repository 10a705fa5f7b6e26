"""Telling a scanner's typing from a person's, by the time between key presses.

A USB scanner "types" a whole code within a few tens of milliseconds and ends it with
Enter or Tab; a person, even a fast one, leaves more time between most keys. The desk
holds back characters while they still may be a scan, and hands them on as typing the
moment a slower key shows they were not. Times are the key events' own (milliseconds),
so the decision does not depend on how busy the laptop is when the events are handled.
"""

from __future__ import annotations

from typing import Generic, TypeVar

# A scanner types a character every 1–20 ms; a person rarely twice within 40 ms in a row.
SCAN_GAP_MS = 40
# Shorter bursts are a person's quick fingers (a code is "P-" and eight more characters).
SCAN_MIN_LENGTH = 4
# The same code read again within this long counts once (a scanner that fired twice).
SAME_CODE_MS = 2000

Held = TypeVar("Held")


class ScanBurst(Generic[Held]):
    """Characters held back while they may be a scan; each carries the caller's own item."""

    def __init__(self, gap_ms: int = SCAN_GAP_MS, min_length: int = SCAN_MIN_LENGTH) -> None:
        self.gap_ms = gap_ms
        self.min_length = min_length
        self._held: list[tuple[Held, str]] = []
        self._last_at = 0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def key(self, item: Held, text: str, at: int) -> list[Held]:
        """A character typed at `at`: hold it; returns what a slow gap showed to be typing."""
        typed = self.release() if self._held and at - self._last_at > self.gap_ms else []
        self._held.append((item, text))
        self._last_at = at
        return typed

    def end(self, at: int) -> str | None:
        """Enter or Tab at `at`: the scanned text if a burst ends here, else None.

        On None the held characters are still held: the caller releases them as typing.
        """
        if len(self._held) < self.min_length or at - self._last_at > self.gap_ms:
            return None
        text = "".join(text for _item, text in self._held)
        self._held = []
        return text

    def release(self) -> list[Held]:
        """Everything held, as typing (a pause, another kind of key, the focus moving)."""
        items = [item for item, _text in self._held]
        self._held = []
        return items


class SameCode:
    """Counts a code once when it comes again within SAME_CODE_MS."""

    def __init__(self, window_ms: int = SAME_CODE_MS) -> None:
        self.window_ms = window_ms
        self._last_text = ""
        self._last_at = 0

    def first_time(self, text: str, at: int) -> bool:
        """Whether this reading counts; a repeat also stretches the window (held in view)."""
        repeat = text == self._last_text and 0 <= at - self._last_at < self.window_ms
        self._last_text, self._last_at = text, at
        return not repeat
