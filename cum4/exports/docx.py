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

from cum4.exports import nd30
from cum4.exports.common import (
    cluster_title,
    counted_period,
    counted_quarters,
    period_phrase,
    quarters_text,
    ranking_rows,
    short_unit_name,
    units_missing_quarters,
    value_of,
)
from cum4.formatting import vn_date, vn_figure, vn_millions, vn_money, vn_number, vn_rate


def year_end_report(*, data: dict, output: BinaryIO) -> None:
    """Write the Word report of one cluster_report JSON (`data`) to `output` (docx bytes).

    `data["document"]` (from `cum4.exports.registration.document_data`) carries what the lead
    sets: "parent_body", "issuing_body", "place", "number", "symbol", "date" (ISO), "signer_title",
    "signer_name", "recipients", "author", "editor" and "narrative" (assessment, limitations,
    lessons, next_year, proposals). Absent keys leave "…" on a draft, as officials do. The
    older flat keys ("cluster_name", "issuing_body", "place", "date") are read too.
    """
    with translation.override("vi"):
        doc = _document_fields(data)
        period = counted_period(data)
        subject = _subject(data, period)
        document = nd30.new_document(properties=_properties(data, doc, subject))
        nd30.header(document, nd30.Header(
            parent_body=doc["parent_body"],
            issuing_body=doc["issuing_body"],
            number=doc.get("number") or None,
            symbol=doc.get("symbol") or "BC-CTĐ",
            place=doc.get("place") or "",
            date=dt.date.fromisoformat(doc["date"]) if doc.get("date") else None,
        ))
        nd30.title(document, _("REPORT"), subject, _("of %(cluster)s") % {
            "cluster": cluster_title(data)
        })
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
        _written_parts(document, data, doc.get("narrative") or {}, part)
        nd30.closing(
            document,
            recipients=doc.get("recipients") or _default_recipients(),
            signature=nd30.Signature(
                title=doc.get("signer_title") or _("CLUSTER LEAD"),
                name=doc.get("signer_name") or "",
                authority=doc.get("signer_authority") or "",
            ),
        )
        document.save(output)


def _document_fields(data: dict) -> dict:
    """The "document" block with the flat keys of earlier callers as fallbacks."""
    doc = dict(data.get("document") or {})
    doc.setdefault("parent_body", cluster_title(data))
    doc.setdefault("issuing_body", data.get("issuing_body") or _("Inspectorates of the provinces"))
    doc.setdefault("place", data.get("place") or "")
    doc.setdefault("date", data.get("date"))
    doc.setdefault("signer_name", data.get("signatory") or "")
    return doc


def _subject(data: dict, period: str) -> str:
    """The trích yếu: the period the figures cover (never "năm" for a partial year)."""
    subject = _("Results of the emulation cluster's work in %(period)s %(year)s") % {
        "period": period_phrase(period), "year": data["year"],
    }
    return subject


def _properties(data: dict, doc: dict, subject: str) -> nd30.Properties:
    quarters = quarters_text(counted_quarters(data))
    issued = doc.get("date")
    subject = f"{subject} {_('of %(cluster)s') % {'cluster': cluster_title(data)}}"
    return nd30.Properties(
        title=f"Báo cáo {subject[0].lower()}{subject[1:]}",
        subject=subject,
        author=doc.get("author") or doc["issuing_body"],
        keywords=f"báo cáo; thi đua, khen thưởng; {cluster_title(data)}; {data['year']}",
        comments=f"Số liệu từ các báo cáo quý đã được phê duyệt (quý {quarters} năm "
        f"{data['year']}). Người cập nhật: {doc.get('editor') or doc.get('author') or '–'}.",
        category="Báo cáo",
        created=dt.datetime.combine(dt.date.fromisoformat(issued), dt.time(8)) if issued else None,
    )


def _default_recipients() -> list[str]:
    return [
        _("- Government Inspectorate (Department of Organisation and Personnel);"),
        _("- The inspectorates of the cluster;"),
        _("- Archive: Clerical office."),
    ]


class _Parts:
    """The report's numbered parts (I., II., …): a part is numbered only when it is written."""

    NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

    def __init__(self, document) -> None:
        self.document = document
        self.count = 0

    def __call__(self, title: str) -> None:
        nd30.heading(self.document, f"{self.NUMERALS[self.count]}. {title}")
        self.count += 1


def _emulation(document, data: dict, part: _Parts) -> None:
    """The emulation work of the year from the "pledge" and "movements" report extras."""
    part(_("EMULATION MOVEMENTS AND THE PLEDGE"))
    pledge = data.get("pledge")
    if pledge:
        members = len(data.get("units", []))
        met = sum(1 for target in pledge.get("targets", []) if target.get("units_met") == members)
        nd30.paragraph(document, _(
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
        nd30.paragraph(document, _(
            "The inspectorates took part in %(count)s emulation movements: %(names)s."
        ) % {
            "count": vn_number(len(movements)),
            "names": "; ".join(f"“{movement['name']}”" for movement in movements),
        })
        given = sum(movement.get("amount_vnd") or 0 for movement in movements)
        if given:
            nd30.paragraph(document, _(
                "Their contributions to the movements' funds and programmes total %(amount)s."
            ) % {"amount": vn_money(given)})


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
        "period": period_phrase(counted_period(data)),
        "year": data["year"],
        "cluster": cluster_title(data),
    }
    part(_("RESULTS OF THE INSPECTION WORK"))
    _counted_note(document, data)
    nd30.heading(document, _("1. Inspections"))
    nd30.paragraph(document, _(
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
    nd30.paragraph(document, _(
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
    nd30.heading(document, _("2. Citizen reception, petitions, complaints and denunciations"))
    nd30.paragraph(document, _(
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
    nd30.heading(document, _("3. Anti-corruption"))
    nd30.paragraph(document, _(
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
    nd30.paragraph(document, _(
        "The figures are the sums of the quarterly reports approved by the cluster lead; "
        "drafts and reports not yet approved are not counted."
    ), italic=True)


def _counted_note(document, data: dict) -> None:
    """Which quarters the figures count, and the units that lack one of them."""
    nd30.paragraph(document, _(
        "The figures of this report count quarters %(quarters)s of %(year)s."
    ) % {"quarters": quarters_text(counted_quarters(data)), "year": data["year"]}, italic=True)
    for name, lacking in units_missing_quarters(data):
        nd30.paragraph(document, _(
            "%(unit)s: quarter %(quarters)s not yet approved, not counted."
        ) % {"unit": name, "quarters": quarters_text(lacking)}, italic=True)


# -- tables -----------------------------------------------------------------------------------


def _unit_tables(document, data: dict, part: _Parts) -> None:
    part(_("RESULTS BY INSPECTORATE"))
    groups = [
        (_("1. Inspections"), [
            ("insp_total", _("Inspections carried out")),
            ("subjects_inspected", _("Individuals, organisations")),
            ("violation_vnd", _("Violations (million đồng)")),
            ("recovery_recommended_vnd", _("Recovery recommended (million đồng)")),
            ("recovered_vnd", _("Recovered (million đồng)")),
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
        nd30.heading(document, heading)
        headers = [_("No."), _("Inspectorate"), *(label for _code, label in columns)]
        rows = [
            [str(number), short_unit_name(entry.get("name") or entry["unit"]),
             *(_cell(entry["figures"], code) for code, _label in columns)]
            for number, entry in enumerate(data["units"], start=1)
        ]
        rows.append(["", _("Cluster total"), *(_cell(data["totals"], c) for c, _l in columns)])
        # The province alone under "Thanh tra tỉnh" (one line); six figure columns share the rest.
        nd30.table(document, headers, rows, bold_last=True,
                   widths_mm=(9, 26, *([(nd30.TEXT_WIDTH_MM - 35) / 6] * 6)))


def _cell(figures: dict, code: str) -> str:
    """A table cell: money in millions (the column says so), other figures as in the text."""
    if code.endswith("_vnd"):
        return vn_millions(value_of(figures, code))
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
    nd30.table(document, [_("Rank"), _("Inspectorate"), _("Score"), _("Votes")], rows,
               widths_mm=(20, 85, 30, 30))


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
        nd30.paragraph(document, "- " + text)


def _written_parts(document, data: dict, narrative: dict, part: _Parts) -> None:
    """General assessment (with limitations and causes, lessons), direction for next year,
    proposals: the lead's text paragraph by paragraph; a placeholder while it is empty."""
    part(_("GENERAL ASSESSMENT"))
    nd30.heading(document, _("1. Strengths"))
    _lead_text(document, narrative.get("assessment"))
    nd30.heading(document, _("2. Limitations and their causes"))
    _lead_text(document, narrative.get("limitations"))
    nd30.heading(document, _("3. Lessons learned"))
    _lead_text(document, narrative.get("lessons"))
    part(_("DIRECTION AND TASKS FOR %(year)s") % {"year": data["year"] + 1})
    _lead_text(document, narrative.get("next_year"))
    part(_("PROPOSALS AND RECOMMENDATIONS"))
    _lead_text(document, narrative.get("proposals"))


def _lead_text(document, text: str | None) -> None:
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not paragraphs:
        nd30.paragraph(document, _("(To be written by the cluster lead on the year-end "
                                   "report page.)"), italic=True)
    for line in paragraphs:
        nd30.paragraph(document, line)
