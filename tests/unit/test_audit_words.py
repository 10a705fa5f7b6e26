"""Every code the core writes into the audit log has words for the admin: no action, kind of
record or changed field shows raw on the Audit log page, now or after a new one is added; and
the page and the access request say the same words for the same code."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import audit, dates, equipment, people
from db.audit_actions import SESSION_MARKED, AuditAction
from db.models import Item, ItemCategory, Participant
from desktop import audit_words
from desktop.audit_words import (
    ACTIONS,
    ENTITIES,
    FIELDS,
    action_words,
    changes_words,
    codes_shown_as,
    entity_words,
    field_words,
    record_words,
    value_words,
)

DB = Path(__file__).resolve().parents[2] / "db"
PARAMETERS = list(inspect.signature(audit.record).parameters)  # session, by, action, entity, …

# Actions chosen at run time: say here what each one may become.
EXPANSIONS = {
    "SESSION_MARKED[status]": {action.value for action in SESSION_MARKED.values()},
}


@pytest.fixture(autouse=True)
def english_screens() -> Iterator[None]:
    """The words as an English screen shows them (the source texts)."""
    dates.use_language("en")
    yield
    dates.use_language("lv")


def modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(DB.rglob("*.py"))}


def constants() -> dict[str, set[str]]:
    """Module-level NAME = "text" of every core module (the action constants among them)."""
    found: dict[str, set[str]] = {}
    for tree in modules().values():
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        found.setdefault(target.id, set()).add(value.value)
    return found


def texts(node: ast.expr, where: str) -> set[str]:
    """The strings an argument can be: a literal, a constant, either branch of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name) and node.id in constants():
        return constants()[node.id]
    if isinstance(node, ast.Attribute) and ast.unparse(node.value) == "AuditAction":
        return {AuditAction[node.attr].value}
    if isinstance(node, ast.IfExp):
        return texts(node.body, where) | texts(node.orelse, where)
    if ast.unparse(node) in EXPANSIONS:
        return EXPANSIONS[ast.unparse(node)]
    raise AssertionError(f"{where}: cannot tell what {ast.unparse(node)} writes; add it here")


def record_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path, tree in modules().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "audit"
            ):
                calls.append((f"{path.relative_to(DB.parent)}:{node.lineno}", node))
    return calls


def argument(call: ast.Call, name: str) -> ast.expr | None:
    position = PARAMETERS.index(name)
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == name), None)


def written(name: str) -> dict[str, str]:
    """Each text the core passes as audit.record's `name` argument → where it does."""
    found: dict[str, str] = {}
    for where, call in record_calls():
        node = argument(call, name)
        assert node is not None, f"{where}: audit.record without {name}"
        for text in texts(node, where):
            found.setdefault(text, where)
    return found


def test_the_scan_finds_the_calls_it_should() -> None:
    assert len(record_calls()) >= 30
    actions = written("action")
    assert {"participant.registered", "loan.returned", "attendance.undone"} <= actions.keys()
    assert {"participant.erased", "session.held", "session.cancelled"} <= actions.keys()
    assert {"participant.archived", "participant.restored"} <= actions.keys()
    assert {"participant", "loan", "staff", "session"} <= written("entity").keys()


def test_every_action_the_core_writes_has_words() -> None:
    missing = {code: where for code, where in written("action").items() if code not in ACTIONS}
    assert not missing, f"add these to desktop/audit_words.py ACTIONS: {missing}"


def test_every_action_the_core_writes_is_an_audit_action() -> None:
    """A writer passes a member of the enum, never a text of its own."""
    for where, call in record_calls():
        action = argument(call, "action")
        assert action is not None
        assert "AuditAction." in ast.unparse(action) or ast.unparse(action) in EXPANSIONS, where
    assert set(written("action")) == {action.value for action in AuditAction}


def test_every_audit_action_has_words() -> None:
    assert set(ACTIONS) == set(AuditAction)


def test_every_entity_the_core_writes_has_words() -> None:
    missing = {code: where for code, where in written("entity").items() if code not in ENTITIES}
    assert not missing, f"add these to desktop/audit_words.py ENTITIES: {missing}"


def test_the_words_name_only_codes_the_core_writes() -> None:
    """A renamed code leaves no stale words behind."""
    assert ACTIONS.keys() - written("action").keys() == set()
    assert ENTITIES.keys() - written("entity").keys() == set()


def functions(tree: ast.Module) -> list[ast.FunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]


def fields_of(node: ast.expr, function: ast.FunctionDef, tree: ast.Module, where: str) -> set[str]:
    """The keys a changes argument can have: a dict literal, a variable holding one, the
    "after" side of audit.diff, or the dict a helper of the module (a _snapshot) returns."""
    if isinstance(node, ast.Dict):
        keys = set()
        for key in node.keys:
            assert isinstance(key, ast.Constant) and isinstance(key.value, str), where
            keys.add(key.value)
        return keys
    if isinstance(node, ast.Name):
        values = [
            statement.value
            for statement in ast.walk(function)
            if isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == node.id for t in statement.targets)
        ]
        assert values, f"{where}: where does {node.id} come from?"
        return set().union(*(fields_of(value, function, tree, where) for value in values))
    if isinstance(node, ast.Call):
        if ast.unparse(node.func) == "audit.diff":
            return fields_of(node.args[1], function, tree, where)
        if isinstance(node.func, ast.Name):
            for helper in functions(tree):
                if helper.name == node.func.id:
                    returned = [r.value for r in ast.walk(helper) if isinstance(r, ast.Return)]
                    return set().union(
                        *(fields_of(r, helper, tree, where) for r in returned if r is not None)
                    )
    raise AssertionError(f"{where}: cannot tell which fields {ast.unparse(node)} has")


def changed_fields() -> set[str]:
    found: set[str] = set()
    for path, tree in modules().items():
        for function in functions(tree):
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "audit.record"):
                    continue
                changes = argument(node, "changes")
                if changes is not None:
                    where = f"{path.relative_to(DB.parent)}:{node.lineno}"
                    found |= fields_of(changes, function, tree, where)
    return found


def test_every_changed_field_has_words() -> None:
    fields = changed_fields()
    assert set(people._snapshot(Participant())) <= fields  # the scan reads the snapshots
    assert set(equipment._snapshot(Item(category=ItemCategory.LAPTOP))) <= fields
    assert {"guardian_phone", "serial_number", "active", "anonymous_headcount"} <= fields
    assert fields <= FIELDS.keys(), f"add to FIELDS: {fields - FIELDS.keys()}"


def test_codes_read_as_words() -> None:
    assert action_words("participant.registered") == "Child registered"
    assert action_words("loan.returned") == "Item returned"
    assert action_words("attendance.checked_in") == "Checked in"
    assert action_words("participant.erased") == "Child's records erased"
    assert entity_words("participant") == "Child" and entity_words("staff") == "Account"
    assert record_words("participant", 12) == "Child #12"
    assert record_words("site", None) == "Site"
    assert field_words("guardian_phone") == "Guardian's phone"
    # Every word is text, and none is the code itself.
    for table, words in ((ACTIONS, action_words), (ENTITIES, entity_words), (FIELDS, field_words)):
        for code in table:
            assert words(code).strip() and words(code) != code


@pytest.mark.parametrize("words", [action_words, entity_words, field_words])
def test_an_unknown_code_shows_as_it_is_and_never_empty(words) -> None:  # type: ignore[no-untyped-def]
    assert words("robot.arrived") == "robot.arrived"
    assert words("") == audit_words.EMPTY


def test_values_read_as_words() -> None:
    assert value_words("active", True) == "yes" and value_words("archived", False) == "no"
    assert value_words("target_group", True) == "yes"
    assert value_words("status", "in_repair") == "In repair"  # an item
    assert value_words("status", "cancelled") == "Did not occur"  # a session
    assert value_words("status", "late") == "Late"  # an attendance mark
    assert value_words("status", "teleported") == "teleported"
    assert value_words("category", "interactive_table") == "Interactive table"
    assert value_words("gender", "girl") == "girl"
    assert value_words("start", "project_end") == "the project's end"  # the retention rule
    assert value_words("birth_year", 2011) == "2011"
    assert value_words("notes", None) == value_words("notes", "") == "—"


def test_changes_read_old_to_new_in_words() -> None:
    assert changes_words(None) == changes_words({}) == ""
    assert changes_words({"guardian_phone": [None, "29111111"], "active": [True, False]}) == (
        "Guardian's phone: — → 29111111; Active: yes → no"
    )
    assert changes_words({"status": ["available", "in_repair"]}) == (
        "Status: Available → In repair"
    )
    assert changes_words({"robot_arm": ["", 3], "notes": "x"}) == "robot_arm: — → 3; Notes: x"


def test_the_words_on_screen_name_their_codes() -> None:
    assert codes_shown_as("child") == [
        "participant.registered",
        "participant.edited",
        "participant.archived",
        "participant.restored",
        "participant.erased",
        "participant.exported",
        "participant",
    ]
    assert codes_shown_as("RETURNED") == ["loan.returned"]
    assert "staff" in codes_shown_as("account")
    assert codes_shown_as("zebra") == [] and codes_shown_as("") == []


@pytest.mark.parametrize("language", ["lv", "lt"])
def test_every_action_reads_in_the_language_asked(language: str) -> None:
    english = {action: action_words(action) for action in AuditAction}
    translated = {action: action_words(action, language) for action in AuditAction}
    assert [a for a in AuditAction if translated[a] == english[a]] == []
    assert action_words(AuditAction.PARTICIPANT_REGISTERED, "lv") == "Bērns reģistrēts"
    assert action_words(AuditAction.LOAN_RETURNED, "lt") == "Daiktas grąžintas"


@pytest.mark.parametrize("language", ["lv", "lt", "en"])
def test_the_access_request_prints_the_words_the_audit_log_page_shows(language: str) -> None:
    """A child's history on paper and the Audit log page on a screen of the same language
    name each action and each changed value alike."""
    import io
    from datetime import date

    from pypdf import PdfReader

    from desktop.documents.access_request import access_request_pdf

    actions = [
        AuditAction.PARTICIPANT_REGISTERED,
        AuditAction.ATTENDANCE_CHECKED_IN,
        AuditAction.ATTENDANCE_MARKED,
        AuditAction.LOAN_RETURN_UNDONE,
    ]
    events = [
        {"at": "2018-10-05T16:05:00", "by": "anna", "action": action.value, "description": ""}
        for action in actions
    ]
    events[2]["changes"] = {"status": ["present", "excused"], "gender": [None, "girl"]}
    pdf = access_request_pdf(
        {"participant": {"first_name": "Marta"}, "audit_events": events},
        made_on=date(2018, 10, 5),
        language=language,
    )
    reader = PdfReader(io.BytesIO(pdf))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    dates.use_language(language)  # the page, on a screen in the document's language
    for action in actions:
        assert action_words(action) in printed
    assert value_words("status", "excused") in printed
    assert value_words("gender", "girl") in printed
