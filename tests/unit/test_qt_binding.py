"""Guards against a Qt binding that mismanages Python's None (PySide6 6.12.0 did, and the
program aborted after a few thousand table repaints): the lock file must not bring one back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox

_Index = QModelIndex | QPersistentModelIndex


class Blank(QAbstractTableModel):
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 2

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def test_none_from_a_python_model_keeps_its_references(qapp: object) -> None:
    model = Blank()
    index = model.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(500):
        index.data(Qt.ItemDataRole.DisplayRole)
    assert sys.getrefcount(None) >= before - 20


def test_none_item_data_keeps_its_references(qapp: object) -> None:
    choice = QComboBox()
    choice.addItem("—", None)
    before = sys.getrefcount(None)
    for _ in range(500):
        choice.itemData(0)
    assert sys.getrefcount(None) >= before - 20
