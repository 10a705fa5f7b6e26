"""The indicators report's tables: the summary, and the counts by program, site, age and item."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from db.indicators import AgeBandIndicators, Indicators
from db.models import ProgramKind
from desktop.documents.common import FONT_BOLD
from desktop.documents.indicators.layout import TOTAL_SHADE, WIDTH, grid, number, part
from desktop.words import words


def _kind(kind: ProgramKind, language: str) -> str:
    _ = words(language).gettext
    return {
        ProgramKind.CLOSED: _("Training cycle"),
        ProgramKind.OPEN: _("Open sessions"),
        ProgramKind.CAMP: _("Camp"),
        ProgramKind.SEMINAR: _("Seminar"),
    }[kind]


def _country(code: str, language: str) -> str:
    _ = words(language).gettext
    if code == "LT":
        return _("Lithuania (LT)")
    return _("Latvia (LV)")


def _band(band: AgeBandIndicators, language: str) -> str:
    _ = words(language).gettext
    if band.unknown:
        return _("not known")
    if band.lowest is None:
        return _("up to {0}").format(band.highest)
    if band.highest is None:
        return _("{0} and over").format(band.lowest)
    return f"{band.lowest}–{band.highest}"


def summary(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
    n = lambda value: number(value, language)  # noqa: E731
    rows: list[list[object]] = [
        [
            _("Indicator"),
            _("Value"),
        ],
        [
            _("Sessions held"),
            n(data.sessions_held),
        ],
        [
            _("Sessions cancelled"),
            n(data.sessions_cancelled),
        ],
        [
            _("Attendances (total visits)"),
            n(data.attendances),
        ],
        [
            _("Participants, each counted once"),
            n(data.unique_participants),
        ],
        [
            "    " + _("of whom in the target group"),
            n(data.target_group),
        ],
        [
            "    " + _("girls / boys / not stated"),
            f"{n(data.girls)} / {n(data.boys)} / {n(data.gender_not_stated)}",
        ],
        [
            _("Unregistered visitors (headcount)"),
            n(data.anonymous_headcount),
        ],
        [
            words(language).pgettext("indicators", "Equipment loans"),
            n(data.loans),
        ],
        [
            _("Equipment hours in use"),
            number(data.loan_hours, language, 1),
        ],
    ]
    return [
        Paragraph(_("Summary"), st["section"]),
        grid(rows, [WIDTH * 0.62, WIDTH * 0.2], total_row=False),
    ]


def programs(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
    n = lambda value: number(value, language)  # noqa: E731
    several_sites = len({p.site_name for p in data.programs}) > 1
    head = [
        _("Program"),
        _("Kind"),
        _("Planned"),
        _("Held"),
        _("Cancel-\nled"),
        _("Atten-\ndances"),
        _("Partici-\npants"),
        _("Unregist.\nvisitors"),
    ]
    rows: list[list[object]] = [list(head)]
    extra: list[tuple[object, ...]] = []
    site = None
    for p in data.programs:
        if several_sites and p.site_name != site:
            # A shaded line names the library its programs belong to.
            site = p.site_name
            extra += [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), TOTAL_SHADE),
                ("FONT", (0, len(rows)), (-1, len(rows)), FONT_BOLD, 8.5, 10.5),
            ]
            rows.append([site, "", "", "", "", "", "", ""])
        rows.append(
            [
                Paragraph(escape(p.name), st["cell"]),
                Paragraph(_kind(p.kind, language), st["cell"]),
                "" if p.planned_sessions is None else n(p.planned_sessions),
                n(p.held),
                n(p.cancelled),
                n(p.attendances),
                n(p.unique_participants),
                n(p.anonymous_headcount),
            ]
        )
    rows.append(
        [
            _("Total"),
            "",
            "",
            n(data.sessions_held),
            n(data.sessions_cancelled),
            n(data.attendances),
            n(data.unique_participants),
            n(data.anonymous_headcount),
        ]
    )
    widths = [0.24, 0.21, 0.08, 0.075, 0.08, 0.11, 0.095, 0.11]
    return part(
        Paragraph(
            _("1. Sessions per program"),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            _(
                "Participants in the total line are counted once even when they came to several "
                "programs. Planned: the program's whole plan."
            ),
            st["note"],
        ),
        len(rows),
    )


def sites(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        words(language).pgettext("indicators", "Site"),
        _("Country"),
        _("Partici-\npants"),
        _("of whom\ntarget group"),
        _("Girls"),
        _("Boys"),
        _("Not\nstated"),
        words(language).pgettext("narrow column", "Attendances"),
    ]
    rows: list[list[object]] = [list(head)]
    for site in data.sites:
        rows.append(
            [
                site.name,
                site.country,
                n(site.unique_participants),
                n(site.target_group),
                n(site.girls),
                n(site.boys),
                n(site.unique_participants - site.girls - site.boys),
                n(site.attendances),
            ]
        )
    first_country = len(rows)
    for country in data.countries:
        rows.append(
            [
                _country(country.country, language),
                "",
                n(country.unique_participants),
                n(country.target_group),
                "",
                "",
                "",
                n(country.attendances),
            ]
        )
    rows.append(
        [
            _("Total"),
            "",
            n(data.unique_participants),
            n(data.target_group),
            n(data.girls),
            n(data.boys),
            n(data.gender_not_stated),
            n(data.attendances),
        ]
    )
    extra: list[tuple[object, ...]] = [
        (
            "BACKGROUND",
            (0, first_country),
            (-1, first_country + len(data.countries) - 1),
            TOTAL_SHADE,
        ),
        ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]
    extra += [("SPAN", (0, row), (1, row)) for row in range(first_country, len(rows))]
    widths = [0.25, 0.08, 0.1, 0.13, 0.1, 0.1, 0.1, 0.14]
    return part(
        Paragraph(
            _("2. Participants by site and country"),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            _(
                "Each participant is counted at the library they belong to; the target group is "
                "given as a count only."
            ),
            st["note"],
        ),
        len(rows),
    )


def ages(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        _("Age"),
        _("Girls"),
        _("Boys"),
        _("Not stated"),
        _("Participants"),
        _("Attendances"),
    ]
    rows: list[list[object]] = [list(head)]
    for band in data.age_bands:
        rows.append(
            [
                _band(band, language),
                n(band.girls),
                n(band.boys),
                n(band.not_stated),
                n(band.children),
                n(band.attendances),
            ]
        )
    rows.append(
        [
            _("Total"),
            n(data.girls),
            n(data.boys),
            n(data.gender_not_stated),
            n(data.unique_participants),
            n(data.attendances),
        ]
    )
    widths = [0.2, 0.13, 0.13, 0.13, 0.13, 0.15]
    return part(
        Paragraph(
            _("3. Participants by age band and gender"),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths]),
        Paragraph(
            _(
                "Age = the session's year minus the year of birth. Each participant is counted "
                "once, at their age at their first visit in the period; attendances use the age "
                "in each session's year."
            ),
            st["note"],
        ),
        len(rows),
    )


def equipment(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    _ = words(language).gettext
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        _("Tag"),
        words(language).pgettext("indicators", "Item"),
        _("Loans"),
        _("Hours\nin use"),
        _("Not back at\nperiod end"),
    ]
    rows: list[list[object]] = [list(head)]
    for item in data.items:
        rows.append(
            [
                item.tag,
                Paragraph(escape(item.name), st["cell"]),
                n(item.loans),
                number(item.hours, language, 1),
                n(item.out_at_end) if item.out_at_end else "",
            ]
        )
    rows.append(
        [
            _("Total"),
            "",
            n(data.loans),
            number(data.loan_hours, language, 1),
            n(sum(item.out_at_end for item in data.items)) or "",
        ]
    )
    widths = [0.13, 0.4, 0.13, 0.14, 0.17]
    return part(
        Paragraph(
            _("5. Equipment usage"),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2),
        Paragraph(
            _(
                "A loan counts in the period it began; its hours run from lending to return, or "
                "to the end of the period while it is still out. A kit's parts are counted each."
            ),
            st["note"],
        ),
        len(rows),
    )
