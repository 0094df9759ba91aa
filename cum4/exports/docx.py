"""The year-end summary as a Word document in the administrative format of Nghị định
30/2020/NĐ-CP: national heading, issuing body, place and date, Times New Roman, A4 margins.

The narrative is written from the cluster_report JSON in the manner of the seed article
("Trong năm 2022, Thanh tra các tỉnh Cụm IV đã triển khai thực hiện 1.902 cuộc …"), then the
tables per unit, the ranking and the award proposals when they exist. Every number goes
through cum4.formatting, so the document reads exactly like the dashboard.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from cum4.exports import docx_layout as layout
from cum4.exports.common import cluster_title, period_phrase, ranking_rows, value_of
from cum4.formatting import vn_date, vn_figure, vn_money, vn_number, vn_rate


def year_end_report(*, data: dict, output: BinaryIO) -> None:
    """Write the Word report of one cluster_report JSON (`data`) to `output` (docx bytes).

    Optional keys of `data` filled by the caller: "cluster_name", "issuing_body" (the lead
    unit's name), "place" (its province), "date" (ISO date of signature); left as "…" when
    absent, as officials do on a draft.
    """
    with translation.override("vi"):
        document = Document()
        layout.page_and_styles(document)
        _national_heading(document, data)
        _title(document, data)
        part = _Parts(document)
        if data.get("pledge") or data.get("movements"):
            _emulation(document, data, part)
        _narrative(document, data, part)
        _unit_tables(document, data, part)
        ranking = ranking_rows(data)
        if ranking:
            _ranking(document, ranking, part)
        proposals = _proposals_of(data)
        if proposals:
            _proposals(document, proposals, part)
        _signature(document, data)
        document.save(output)


class _Parts:
    """The report's numbered parts (I., II., …): a part is numbered only when it is written."""

    NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")

    def __init__(self, document) -> None:
        self.document = document
        self.count = 0

    def __call__(self, title: str) -> None:
        layout.heading(self.document, f"{self.NUMERALS[self.count]}. {title}")
        self.count += 1


def _emulation(document, data: dict, part: _Parts) -> None:
    """The emulation work of the year from the "pledge" and "movements" report extras."""
    part(_("EMULATION MOVEMENTS AND THE PLEDGE"))
    pledge = data.get("pledge")
    if pledge:
        members = len(data.get("units", []))
        met = sum(1 for target in pledge.get("targets", []) if target.get("units_met") == members)
        layout.body(document, _(
            "On %(date)s the inspectorates of the cluster signed the emulation pledge "
            "%(document)s on the theme “%(theme)s”, with %(targets)s targets; %(met)s of them "
            "were met by every member."
        ) % {
            "date": vn_date(dt.date.fromisoformat(pledge["signed_on"])),
            "document": pledge.get("document_number") or "",
            "theme": pledge.get("theme") or "",
            "targets": vn_number(len(pledge.get("targets", []))),
            "met": vn_number(met),
        })
    movements = data.get("movements") or []
    if movements:
        layout.body(document, _(
            "The inspectorates took part in %(count)s emulation movements: %(names)s."
        ) % {
            "count": vn_number(len(movements)),
            "names": "; ".join(f"“{movement['name']}”" for movement in movements),
        })
        given = sum(movement.get("amount_vnd") or 0 for movement in movements)
        if given:
            layout.body(document, _(
                "Their contributions to the movements' funds and programmes total %(amount)s."
            ) % {"amount": vn_money(given)})


def _national_heading(document, data: dict) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    left.paragraphs[0].text = ""
    right.paragraphs[0].text = ""
    issuing = data.get("issuing_body") or _("Inspectorates of the provinces")
    layout.line(left, issuing, size=Pt(12), upper=True)
    layout.line(left, cluster_title(data), bold=True, size=Pt(13), upper=True, underline=True)
    layout.line(left, _("No.: …/BC-CTĐ"), size=Pt(13))
    layout.line(right, _("SOCIALIST REPUBLIC OF VIETNAM"), bold=True, size=Pt(12))
    layout.line(right, _("Independence - Freedom - Happiness"), bold=True, size=Pt(13), underline=True)
    layout.line(right, _place_and_date(data), italic=True, size=Pt(13))
    document.add_paragraph()


def _place_and_date(data: dict) -> str:
    place = data.get("place") or "…"
    if data.get("date"):
        day = dt.date.fromisoformat(str(data["date"]))
        return _("%(place)s, day %(day)s month %(month)s year %(year)s") % {
            "place": place, "day": f"{day.day:02d}", "month": f"{day.month:02d}", "year": day.year
        }
    return _("%(place)s, day … month … year …") % {"place": place}


def _title(document, data: dict) -> None:
    layout.line(document, _("REPORT"), bold=True, size=Pt(14))
    subject = _("Results of the emulation cluster's work in %(period)s %(year)s") % {
        "period": period_phrase(data["period"]), "year": data["year"],
    }
    layout.line(document, subject, bold=True, size=Pt(14))
    layout.line(document, cluster_title(data), bold=True, size=Pt(14))
    document.add_paragraph()


# -- narrative --------------------------------------------------------------------------------


def _n(figures: dict, code: str) -> str:
    return vn_number(value_of(figures, code))


def _m(figures: dict, code: str) -> str:
    return vn_money(value_of(figures, code))


def _r(figures: dict, code: str, decimals: int = 2) -> str:
    return vn_rate(value_of(figures, code), decimals)


def _narrative(document, data: dict, part: _Parts) -> None:
    totals = data["totals"]
    values = {
        "period": period_phrase(data["period"]),
        "year": data["year"],
        "cluster": cluster_title(data),
    }
    part(_("RESULTS OF THE INSPECTION WORK"))
    layout.heading(document, _("1. Inspections"))
    layout.body(document, _(
        "In %(period)s %(year)s, the inspectorates of the provinces of %(cluster)s carried out "
        "%(insp_total)s socio-economic inspections and checks covering %(subjects)s individuals "
        "and organisations. The inspections found violations of %(violation_vnd)s and "
        "%(violation_land)s m² of land; they recommended recovering %(recommended_vnd)s and "
        "%(recommended_land)s m² of land to the state budget; %(recovered_vnd)s has been "
        "recovered (a recovery rate of %(recovery_rate)s)."
    ) % {
        **values,
        "insp_total": _n(totals, "insp_total"),
        "subjects": _n(totals, "subjects_inspected"),
        "violation_vnd": _m(totals, "violation_vnd"),
        "violation_land": _n(totals, "violation_land_m2"),
        "recommended_vnd": _m(totals, "recovery_recommended_vnd"),
        "recommended_land": _n(totals, "recovery_recommended_land_m2"),
        "recovered_vnd": _m(totals, "recovered_vnd"),
        "recovery_rate": _r(totals, "recovery_rate"),
    })
    layout.body(document, _(
        "They issued %(decisions)s decisions on administrative sanctions totalling %(fines)s; "
        "recommended administrative handling of %(orgs)s organisations and %(persons)s "
        "individuals; referred %(cases)s cases with %(referred)s persons to the investigating "
        "authorities; and issued %(policy)s recommendations to amend mechanisms and policies."
    ) % {
        "decisions": _n(totals, "sanction_decisions"),
        "fines": _m(totals, "sanction_vnd"),
        "orgs": _n(totals, "admin_handling_orgs"),
        "persons": _n(totals, "admin_handling_persons"),
        "cases": _n(totals, "referred_cases"),
        "referred": _n(totals, "referred_persons"),
        "policy": _n(totals, "policy_recommendations"),
    })
    layout.heading(document, _("2. Citizen reception, petitions, complaints and denunciations"))
    layout.body(document, _(
        "On citizen reception and the resolution of complaints and denunciations, the "
        "inspectorates of the cluster received citizens %(turns)s times, %(persons)s citizens "
        "coming with complaints, denunciations, recommendations and reflections. They received "
        "%(petitions)s petitions of all kinds; %(eligible)s petitions were eligible for handling. "
        "They advised on the resolution of %(in_jurisdiction)s complaint and denunciation cases "
        "within their jurisdiction and resolved %(resolved)s of them (%(resolution_rate)s), "
        "%(on_time_rate)s of those within the time limit."
    ) % {
        "turns": _n(totals, "reception_turns"),
        "persons": _n(totals, "reception_persons"),
        "petitions": _n(totals, "petitions_received"),
        "eligible": _n(totals, "petitions_eligible"),
        "in_jurisdiction": _n(totals, "cases_in_jurisdiction"),
        "resolved": _n(totals, "cases_resolved"),
        # The seed reads "đạt 88,4%": one decimal for the resolution rate.
        "resolution_rate": _r(totals, "resolution_rate", 1),
        "on_time_rate": _r(totals, "on_time_rate", 1),
    })
    layout.heading(document, _("3. Anti-corruption"))
    layout.body(document, _(
        "The inspectorates continued to guide and urge the implementation of corruption "
        "prevention measures: %(publicity)s agencies and units were checked on publicity and "
        "transparency; %(declared)s of %(required)s persons declared their assets and income "
        "and %(verified)s were verified; %(rotated)s officials were rotated. %(cases)s "
        "corruption cases with %(persons)s persons were detected, %(heads)s heads were held "
        "responsible and %(recovered)s of corrupt assets was recovered."
    ) % {
        "publicity": _n(totals, "publicity_checks"),
        "declared": _n(totals, "asset_declarations_done"),
        "required": _n(totals, "asset_declarations_required"),
        "verified": _n(totals, "asset_verifications"),
        "rotated": _n(totals, "officials_rotated"),
        "cases": _n(totals, "corruption_cases"),
        "persons": _n(totals, "corruption_persons"),
        "heads": _n(totals, "heads_held_responsible"),
        "recovered": _m(totals, "corruption_recovered_vnd"),
    })
    note = layout.body(document, _(
        "The figures are the sums of the quarterly reports approved by the cluster lead; "
        "drafts and reports not yet approved are not counted."
    ))
    note.runs[0].italic = True


# -- tables -----------------------------------------------------------------------------------


def _unit_tables(document, data: dict, part: _Parts) -> None:
    part(_("RESULTS BY INSPECTORATE"))
    groups = [
        (_("1. Inspections"), [
            ("insp_total", _("Inspections carried out")),
            ("subjects_inspected", _("Individuals, organisations")),
            ("violation_vnd", _("Violations")),
            ("recovery_recommended_vnd", _("Recovery recommended")),
            ("recovered_vnd", _("Recovered")),
            ("recovery_rate", _("Recovery rate")),
        ]),
        (_("2. Citizen reception, petitions, complaints and denunciations"), [
            ("reception_turns", _("Reception turns")),
            ("petitions_received", _("Petitions received")),
            ("petitions_eligible", _("Eligible")),
            ("cases_in_jurisdiction", _("Cases in jurisdiction")),
            ("cases_resolved", _("Resolved")),
            ("resolution_rate", _("Resolution rate")),
        ]),
    ]
    for heading, columns in groups:
        layout.heading(document, heading)
        headers = [_("No."), _("Inspectorate"), *(label for _code, label in columns)]
        rows = [
            [str(number), entry.get("name") or entry["unit"],
             *(_cell(entry["figures"], code) for code, _label in columns)]
            for number, entry in enumerate(data["units"], start=1)
        ]
        rows.append(["", _("Cluster total"), *(_cell(data["totals"], c) for c, _l in columns)])
        layout.table(document, headers, rows, bold_last=True)


def _cell(figures: dict, code: str) -> str:
    return vn_figure(value_of(figures, code), code)


def _ranking(document, ranking: list[dict], part: _Parts) -> None:
    """`ranking`: rows of `ranking_rows`."""
    part(_("EMULATION RANKING"))
    rows = [
        [
            str(entry["rank"] or ""),
            entry["name"],
            vn_number(entry["score"], 2),
            vn_number(entry["votes"]),
        ]
        for entry in ranking
    ]
    layout.table(document, [_("Rank"), _("Inspectorate"), _("Score"), _("Votes")], rows)


def _proposals_of(data: dict) -> list[tuple[str, str]]:
    """(who, award) pairs of data["proposals"] (a report extra: `[{"unit" or "name", "award"}]`
    or plain strings), names taken from the report's units."""
    names = {entry["unit"]: entry.get("name") for entry in data.get("units", [])}
    source = data.get("proposals") or []
    pairs = []
    for entry in source:
        if isinstance(entry, str):
            pairs.append(("", entry))
            continue
        award = entry.get("award") or entry.get("proposal") or entry.get("title")
        if award:
            who = entry.get("name") or names.get(entry.get("unit")) or entry.get("unit") or ""
            pairs.append((who, award))
    return pairs


def _proposals(document, proposals: list[tuple[str, str]], part: _Parts) -> None:
    part(_("AWARD PROPOSALS"))
    for who, award in proposals:
        text = _("%(award)s for %(who)s.") % {"award": award, "who": who} if who else award
        paragraph = layout.body(document, "- " + text)
        paragraph.paragraph_format.first_line_indent = Mm(12.7)


def _signature(document, data: dict) -> None:
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    right.paragraphs[0].text = ""
    recipients = layout.line(left, _("Recipients:"), bold=True, italic=True, size=Pt(12),
                       align=WD_ALIGN_PARAGRAPH.LEFT)
    recipients.paragraph_format.space_after = Pt(0)
    for text in (
        _("- Government Inspectorate (Department of Organisation and Personnel);"),
        _("- The inspectorates of the cluster;"),
        _("- Archive: Clerical office."),
    ):
        layout.line(left, text, size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    layout.line(right, _("ON BEHALF OF THE EMULATION CLUSTER"), bold=True, size=Pt(13))
    layout.line(right, _("CLUSTER LEAD"), bold=True, size=Pt(13))
    for _blank in range(3):
        layout.line(right, "", size=Pt(13))
    layout.line(right, data.get("signatory") or "", bold=True, size=Pt(14))
