"""A program and a database of different versions: the older one refuses, the newer one asks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from alembic import command
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import select, text

from db.database import Database
from db.migrate import (
    PROGRAM_VERSION_KEY,
    ProgramTooOld,
    UpgradeNeedsConfirmation,
    current_revision,
    migrate,
)
from db.models import SharedSetting
from db.revisions import HEAD, PROGRAM_VERSION, alembic_config
from desktop.cli import main


def _made_by_a_newer_program(database: Database, version: str | None) -> None:
    """What a later program leaves behind: a revision this one does not know, and its version."""
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        connection.execute(
            text("DELETE FROM shared_setting WHERE key = :key"), {"key": PROGRAM_VERSION_KEY}
        )
        if version is not None:
            connection.execute(
                SharedSetting.__table__.insert().values(
                    key=PROGRAM_VERSION_KEY, value={"version": version}
                )
            )


def _settings(database: Database) -> dict[str, object]:
    with database.reading() as tx:
        return dict(tx.execute(select(SharedSetting.key, SharedSetting.value)).all())


def test_the_program_version_is_the_packages() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == PROGRAM_VERSION


def test_a_migration_writes_down_the_program_that_made_the_schema(any_db: Database) -> None:
    assert _settings(any_db)[PROGRAM_VERSION_KEY] == {"version": PROGRAM_VERSION}


def test_an_older_program_names_the_version_to_install_and_writes_nothing(
    any_db: Database,
) -> None:
    _made_by_a_newer_program(any_db, "0.3")
    before = _settings(any_db)

    with pytest.raises(ProgramTooOld) as refused:
        migrate(any_db, confirmed=True)

    assert refused.value.message == (
        "This computer's program is older than the shared database: install version 0.3 or newer."
    )
    assert current_revision(any_db) == "0099"
    assert _settings(any_db) == before


def test_an_older_program_without_a_named_version_says_to_install_the_newest(
    sqlite_db: Database,
) -> None:
    _made_by_a_newer_program(sqlite_db, None)
    with pytest.raises(ProgramTooOld) as refused:
        migrate(sqlite_db)
    assert "install the newest version of OpenUp Desk" in refused.value.message


def test_the_refusal_in_latvian(sqlite_db: Database, qapp: object) -> None:
    from desktop import i18n
    from desktop.errors import translate_error

    _made_by_a_newer_program(sqlite_db, "0.3")
    with pytest.raises(ProgramTooOld) as refused:
        migrate(sqlite_db)
    i18n.install("lv")
    try:
        assert translate_error(refused.value) == (
            "Šī datora programma ir vecāka par kopīgo datubāzi: uzstādiet versiju 0.3 vai jaunāku."
        )
    finally:
        i18n.install("en")


def test_the_command_line_says_it_in_one_sentence(
    any_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    _made_by_a_newer_program(any_db, "0.3")
    url = any_db.url.render_as_string(hide_password=False)

    assert main(["--db", url, "scan", "I-LAP-01-V"]) == 1
    assert main(["--db", url, "migrate"]) == 1

    err = capsys.readouterr().err
    sentence = "This computer's program is older than the shared database: install version 0.3"
    assert err.count(sentence) == 2
    assert "Traceback" not in err and "0099" not in err


def _step_back_to_0003(database: Database) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")


@pytest.mark.postgres
def test_a_newer_program_upgrades_a_shared_database_only_when_confirmed(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = Database(postgres_url)
    migrate(database)
    _step_back_to_0003(database)

    with pytest.raises(UpgradeNeedsConfirmation):
        migrate(database)
    assert current_revision(database) == "0003"
    # Any other command refuses too; `migrate` is the administrator's confirmation.
    assert main(["--db", postgres_url, "scan", "I-LAP-01-V"]) == 1
    assert "An administrator must confirm its upgrade" in capsys.readouterr().err
    assert current_revision(database) == "0003"

    assert main(["--db", postgres_url, "migrate"]) == 0
    assert current_revision(database) == HEAD
    assert _settings(database)[PROGRAM_VERSION_KEY] == {"version": PROGRAM_VERSION}
    database.dispose()


def test_a_laptops_own_file_is_upgraded_without_asking(sqlite_db: Database) -> None:
    _step_back_to_0003(sqlite_db)
    migrate(sqlite_db)
    assert current_revision(sqlite_db) == HEAD


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("answers", "upgraded"),
    [
        ([None], False),  # Cancel
        ([("ilze", "wrong password"), ("ilze", "admin-password-1")], True),
        ([("anna", "librarian-pass-1"), None], False),  # a librarian may not sign for it
    ],
)
def test_an_administrator_signs_before_the_program_upgrades_a_shared_database(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: object,
    answers: list[tuple[str, str] | None],
    upgraded: bool,
) -> None:
    from db.accounts import add_staff, create_first_admin
    from db.audit_log import audit_events
    from desktop import app, i18n
    from desktop.dialogs.upgrade import UpgradeDialog

    database = Database(postgres_url)
    migrate(database)
    admin = create_first_admin(
        database, "ilze", "Ilze Kalniņa", "admin-password-1", "Jēkabpils", "Jēkabpils bibliotēka"
    )
    add_staff(database, "anna", "Anna Ozola", password="librarian-pass-1", by=admin)
    _step_back_to_0003(database)
    asked: list[str] = []
    refusals: list[str] = []

    def exec_(dialog: UpgradeDialog) -> int:
        asked.append(dialog.findChild(QLabel, "upgradeQuestion").text())
        if not dialog.problem.isHidden():
            refusals.append(dialog.problem.text())
        answer = answers[len(asked) - 1]
        if answer is None:
            return QDialog.DialogCode.Rejected
        dialog.username.setText(answer[0])
        dialog.password.setText(answer[1])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UpgradeDialog, "exec", exec_)
    monkeypatch.setattr("desktop.settings.data_folder", lambda: tmp_path)

    try:
        ctx = app.open_context_asking(postgres_url)
    finally:
        i18n.install("en")

    # In the laptop's language (Latvian unless chosen otherwise).
    assert len(asked) == len(answers) and "Administratoram jāapstiprina" in asked[0]
    if len(answers) > 1:  # the refusal is said in the dialog, and it asks again
        assert refusals == [
            "Lietotājvārds vai parole nav pareiza."
            if upgraded
            else "Apstiprināt kopīgās datubāzes atjaunināšanu drīkst tikai OpenUp Desk "
            "administrators."
        ]
    if not upgraded:
        assert ctx is None and current_revision(database) == "0003"
    else:
        assert ctx is not None and current_revision(database) == HEAD
        events = audit_events(ctx.database, by=admin)
        assert events[0].action == "database.upgraded" and events[0].staff_id == admin
        ctx.database.dispose()
    database.dispose()
