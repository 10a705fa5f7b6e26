"""The scan sounds load after the desk has shown what it read at start, and no scan goes
without its sound for that."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.attendance import check_in
from db.clock import at_local
from desktop.context import AppContext
from desktop.operations import Operation
from desktop.pages.desk import DeskPage
from desktop.sounds import Sounds
from tests.conftest import Desk

FRIDAY_1605 = at_local(date(2018, 10, 5), time(16, 5))


def test_the_sounds_load_once_the_desks_first_reads_have_arrived(
    ctx: AppContext, desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page: DeskPage | None = None
    seen: list[tuple[bool, int | None, int]] = []
    load = Sounds._load

    def watched(sounds: Sounds) -> None:
        assert page is not None
        seen.append((Operation.idle(), page.session_id, page.present_list.count()))
        load(sounds)

    monkeypatch.setattr(Sounds, "_load", watched)
    check_in(desk.db, desk.session_id, desk.ilze_id, at=FRIDAY_1605)  # here before the desk opens
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: FRIDAY_1605
    page.reload_sessions()  # the session, then its lists: the worker is idle in between
    page.show()
    assert not page.sounds.loaded

    qtbot.waitUntil(lambda: page is not None and page.sounds.loaded)
    # Once, with the session picked and its here-now list drawn.
    assert seen == [(True, desk.session_id, 1)]


def test_a_scan_before_the_sounds_loaded_plays_its_sound(qapp: object) -> None:
    multimedia = pytest.importorskip("PySide6.QtMultimedia", reason="no audio libraries here")
    effect_type = multimedia.QSoundEffect
    sounds = Sounds()
    assert not sounds.loaded and sounds.findChildren(effect_type) == []

    sounds.play("ok")

    assert sounds.loaded
    sources = sorted(
        Path(effect.source().toLocalFile()).name for effect in sounds.findChildren(effect_type)
    )
    assert sources == ["ok.wav", "refused.wav"]
