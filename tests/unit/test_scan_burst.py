"""A scanner's burst told from a person's typing by the key events' own times."""

from __future__ import annotations

from db.scan_burst import SAME_CODE_MS, SCAN_GAP_MS, SameCode, ScanBurst


def typed(burst: ScanBurst[str], text: str, start: int, gap: int) -> list[str]:
    """Feed `text` one key every `gap` ms from `start`; what came out as typing."""
    out: list[str] = []
    for n, ch in enumerate(text):
        out += burst.key(ch, ch, start + n * gap)
    return out


def test_a_fast_burst_ended_by_enter_is_a_scan() -> None:
    burst: ScanBurst[str] = ScanBurst()
    assert typed(burst, "P-7KQ2M9XH-4", 1000, 8) == []
    assert burst.end(1000 + 12 * 8) == "P-7KQ2M9XH-4"
    assert not burst.holding


def test_slow_typing_comes_out_key_by_key() -> None:
    burst: ScanBurst[str] = ScanBurst()
    # Each key shows the one before was typing; the last one is held until Enter.
    assert typed(burst, "stick", 1000, 150) == ["s", "t", "i", "c"]
    assert burst.end(1000 + 5 * 150) is None
    assert burst.release() == ["k"]


def test_a_pause_before_enter_makes_it_typing() -> None:
    burst: ScanBurst[str] = ScanBurst()
    typed(burst, "I-LAP01-X", 1000, 5)
    assert burst.end(1000 + 8 * 5 + SCAN_GAP_MS + 1) is None
    assert burst.release() == list("I-LAP01-X")


def test_a_few_quick_keys_are_not_a_scan() -> None:
    burst: ScanBurst[str] = ScanBurst()
    typed(burst, "ok", 1000, 5)
    assert burst.end(1010) is None


def test_typing_then_a_scan_keeps_the_typing_and_reads_the_scan() -> None:
    burst: ScanBurst[str] = ScanBurst()
    assert typed(burst, "ab", 0, 200) == ["a"]
    assert typed(burst, "P-ABCD", 500, 6) == ["b"]
    assert burst.end(500 + 6 * 6) == "P-ABCD"


def test_the_same_code_within_two_seconds_counts_once() -> None:
    same = SameCode()
    assert same.first_time("P-7KQ2M9XH-4", 10_000)
    assert not same.first_time("P-7KQ2M9XH-4", 10_000 + SAME_CODE_MS - 1)
    assert same.first_time("I-LAP01-X", 10_000 + SAME_CODE_MS)
    assert same.first_time("P-7KQ2M9XH-4", 10_000 + SAME_CODE_MS + 1)
    assert same.first_time("P-7KQ2M9XH-4", 10_000 + 3 * SAME_CODE_MS)
