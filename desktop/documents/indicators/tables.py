"""The indicators report's tables: the summary, and the counts by program, site, age and item."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from db.indicators import AgeBandIndicators, Indicators
from db.models import ProgramKind
from desktop.documents.common import FONT_BOLD, pick
from desktop.documents.indicators.layout import TOTAL_SHADE, WIDTH, grid, number, part


def _kind(kind: ProgramKind, language: str) -> str:
    return {
        ProgramKind.CLOSED: pick(language, "Training cycle", "Apmācību cikls", "Mokymų ciklas"),
        ProgramKind.OPEN: pick(
            language, "Open sessions", "Atvērtās nodarbības", "Atviri užsiėmimai"
        ),
        ProgramKind.CAMP: pick(language, "Camp", "Nometne", "Stovykla"),
        ProgramKind.SEMINAR: pick(language, "Seminar", "Seminārs", "Seminaras"),
    }[kind]


def _country(code: str, language: str) -> str:
    if code == "LT":
        return pick(language, "Lithuania (LT)", "Lietuva (LT)", "Lietuva (LT)")
    return pick(language, "Latvia (LV)", "Latvija (LV)", "Latvija (LV)")


def _band(band: AgeBandIndicators, language: str) -> str:
    if band.unknown:
        return pick(language, "not known", "nav zināms", "nežinomas")
    if band.lowest is None:
        return pick(language, "up to {0}", "līdz {0}", "iki {0}").format(band.highest)
    if band.highest is None:
        return pick(language, "{0} and over", "{0} un vairāk", "{0} ir daugiau").format(band.lowest)
    return f"{band.lowest}–{band.highest}"


def summary(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: number(value, language)  # noqa: E731
    rows: list[list[object]] = [
        [
            pick(language, "Indicator", "Rādītājs", "Rodiklis"),
            pick(language, "Value", "Vērtība", "Reikšmė"),
        ],
        [
            pick(language, "Sessions held", "Notikušās nodarbības", "Įvykę užsiėmimai"),
            n(data.sessions_held),
        ],
        [
            pick(language, "Sessions cancelled", "Atceltās nodarbības", "Atšaukti užsiėmimai"),
            n(data.sessions_cancelled),
        ],
        [
            pick(
                language,
                "Attendances (total visits)",
                "Apmeklējumu kopskaits",
                "Apsilankymų iš viso",
            ),
            n(data.attendances),
        ],
        [
            pick(
                language,
                "Participants, each counted once",
                "Dalībnieki (katrs skaitīts vienreiz)",
                "Dalyviai (kiekvienas skaičiuojamas kartą)",
            ),
            n(data.unique_participants),
        ],
        [
            "    "
            + pick(
                language,
                "of whom in the target group",
                "t. sk. mērķa grupā",
                "iš jų tikslinėje grupėje",
            ),
            n(data.target_group),
        ],
        [
            "    "
            + pick(
                language,
                "girls / boys / not stated",
                "meitenes / zēni / nav norādīts",
                "mergaitės / berniukai / nenurodyta",
            ),
            f"{n(data.girls)} / {n(data.boys)} / {n(data.gender_not_stated)}",
        ],
        [
            pick(
                language,
                "Unregistered visitors (headcount)",
                "Nereģistrēti apmeklētāji (saskaitīti)",
                "Neregistruoti lankytojai",
            ),
            n(data.anonymous_headcount),
        ],
        [
            pick(
                language, "Equipment loans", "Aprīkojuma izsniegšanas reizes", "Įrangos išdavimai"
            ),
            n(data.loans),
        ],
        [
            pick(
                language,
                "Equipment hours in use",
                "Aprīkojuma lietošanas stundas",
                "Įrangos naudojimo valandos",
            ),
            number(data.loan_hours, language, 1),
        ],
    ]
    return [
        Paragraph(pick(language, "Summary", "Kopsavilkums", "Santrauka"), st["section"]),
        grid(rows, [WIDTH * 0.62, WIDTH * 0.2], total_row=False),
    ]


def programs(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: number(value, language)  # noqa: E731
    several_sites = len({p.site_name for p in data.programs}) > 1
    head = [
        pick(language, "Program", "Programma", "Programa"),
        pick(language, "Kind", "Veids", "Rūšis"),
        pick(language, "Planned", "Plānots", "Planuo-\nta"),
        pick(language, "Held", "Notika", "Įvyko"),
        pick(language, "Cancel-\nled", "Atcelta", "Atšauk-\nta"),
        pick(language, "Atten-\ndances", "Apmeklē-\njumi", "Apsilanky-\nmai"),
        pick(language, "Partici-\npants", "Dalīb-\nnieki", "Dalyviai"),
        pick(language, "Unregist.\nvisitors", "Nereģ.\napmekl.", "Neregistr.\nlankyt."),
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
            pick(language, "Total", "Kopā", "Iš viso"),
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
            pick(
                language,
                "1. Sessions per program",
                "1. Nodarbības pa programmām",
                "1. Užsiėmimai pagal programas",
            ),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            pick(
                language,
                "Participants in the total line are counted once even when they came to several "
                "programs. Planned: the program's whole plan.",
                "Kopā rindā katrs dalībnieks skaitīts vienreiz, arī ja apmeklējis vairākas "
                "programmas. Plānots — visas programmas plāns.",
                "Eilutėje „Iš viso“ kiekvienas dalyvis skaičiuojamas kartą, net jei lankė kelias "
                "programas. Planuota — visos programos planas.",
            ),
            st["note"],
        ),
        len(rows),
    )


def sites(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        pick(language, "Site", "Bibliotēka", "Biblioteka"),
        pick(language, "Country", "Valsts", "Šalis"),
        pick(language, "Partici-\npants", "Dalīb-\nnieki", "Dalyviai"),
        pick(language, "of whom\ntarget group", "t. sk. mērķa\ngrupā", "iš jų\ntikslinė gr."),
        pick(language, "Girls", "Meitenes", "Mergaitės"),
        pick(language, "Boys", "Zēni", "Berniukai"),
        pick(language, "Not\nstated", "Nav\nnorādīts", "Nenuro-\ndyta"),
        pick(language, "Attendances", "Apmeklē-\njumi", "Apsilanky-\nmai"),
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
            pick(language, "Total", "Kopā", "Iš viso"),
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
            pick(
                language,
                "2. Participants by site and country",
                "2. Dalībnieki pa bibliotēkām un valstīm",
                "2. Dalyviai pagal bibliotekas ir šalis",
            ),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2, extra=extra),
        Paragraph(
            pick(
                language,
                "Each participant is counted at the library they belong to; the target group is "
                "given as a count only.",
                "Katrs dalībnieks skaitīts pie bibliotēkas, kurai viņš piederīgs; mērķa grupa "
                "norādīta tikai kā skaits.",
                "Kiekvienas dalyvis skaičiuojamas prie savo bibliotekos; tikslinė grupė nurodoma "
                "tik skaičiumi.",
            ),
            st["note"],
        ),
        len(rows),
    )


def ages(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        pick(language, "Age", "Vecums", "Amžius"),
        pick(language, "Girls", "Meitenes", "Mergaitės"),
        pick(language, "Boys", "Zēni", "Berniukai"),
        pick(language, "Not stated", "Nav norādīts", "Nenurodyta"),
        pick(language, "Participants", "Dalībnieki", "Dalyviai"),
        pick(language, "Attendances", "Apmeklējumi", "Apsilankymai"),
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
            pick(language, "Total", "Kopā", "Iš viso"),
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
            pick(
                language,
                "3. Participants by age band and gender",
                "3. Dalībnieki pa vecuma grupām un dzimuma",
                "3. Dalyviai pagal amžiaus grupes ir lytį",
            ),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths]),
        Paragraph(
            pick(
                language,
                "Age = the session's year minus the year of birth. Each participant is counted "
                "once, at their age at their first visit in the period; attendances use the age "
                "in each session's year.",
                "Vecums = nodarbības gads mīnus dzimšanas gads. Katrs dalībnieks skaitīts vienreiz "
                "— pēc vecuma pirmajā apmeklējumā periodā; apmeklējumi — pēc vecuma katras "
                "nodarbības gadā.",
                "Amžius = užsiėmimo metai minus gimimo metai. Kiekvienas dalyvis skaičiuojamas "
                "kartą — pagal amžių pirmojo apsilankymo laikotarpyje metu; apsilankymai — pagal "
                "amžių kiekvieno užsiėmimo metais.",
            ),
            st["note"],
        ),
        len(rows),
    )


def equipment(data: Indicators, language: str, st: dict[str, ParagraphStyle]) -> list[object]:
    n = lambda value: number(value, language)  # noqa: E731
    head = [
        pick(language, "Tag", "Kods", "Kodas"),
        pick(language, "Item", "Aprīkojums", "Įranga"),
        pick(language, "Loans", "Izsniegts\n(reizes)", "Išduota\n(kartai)"),
        pick(language, "Hours\nin use", "Lietošanas\nstundas", "Naudojimo\nvalandos"),
        pick(
            language,
            "Not back at\nperiod end",
            "Nav atgriezts\nperioda beigās",
            "Negrąžinta\nlaikotarpio pab.",
        ),
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
            pick(language, "Total", "Kopā", "Iš viso"),
            "",
            n(data.loans),
            number(data.loan_hours, language, 1),
            n(sum(item.out_at_end for item in data.items)) or "",
        ]
    )
    widths = [0.13, 0.4, 0.13, 0.14, 0.17]
    return part(
        Paragraph(
            pick(
                language, "5. Equipment usage", "5. Aprīkojuma izmantošana", "5. Įrangos naudojimas"
            ),
            st["section"],
        ),
        grid(rows, [w * WIDTH for w in widths], numeric_from=2),
        Paragraph(
            pick(
                language,
                "A loan counts in the period it began; its hours run from lending to return, or "
                "to the end of the period while it is still out. A kit's parts are counted each.",
                "Izsniegšana skaitīta periodā, kurā tā sākta; stundas — no izsniegšanas līdz "
                "atgriešanai, bet neatgrieztam — līdz perioda beigām. Komplekta daļas skaitītas "
                "katra atsevišķi.",
                "Išdavimas skaičiuojamas laikotarpyje, kuriame prasidėjo; valandos — nuo išdavimo "
                "iki grąžinimo, o negrąžintam — iki laikotarpio pabaigos. Komplekto dalys "
                "skaičiuojamos atskirai.",
            ),
            st["note"],
        ),
        len(rows),
    )
