"""Facts of forms 0601.N–0603.N read from the records of a cluster year or of one unit.

Movements are this branch's models. Commendations come from the staff branch's decisions
(`Decision` with items to a unit or a staff member) through `statistics.awards`, which adapts
them to `AwardRecord`, so the counting never depends on their field names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from cum4.models import ClusterYear, Unit
from emulation.awards.statistics.award_columns import LEVEL_FORMS, award_column
from emulation.awards.statistics.awards import award_records_for_statistics
from emulation.awards.statistics.catalogue import FORM_ORDER, layouts_on, report_day
from emulation.awards.statistics.counting import (
    AwardRecord,
    Fact,
    FilledForm,
    duration_bucket,
    fill,
)
from emulation.awards.statistics.heading import Signature, signature_for
from emulation.awards.statistics.layouts import COLLECTIVE, INDIVIDUAL, FormLayout
from emulation.movements.models import Movement, MovementResponse, StatisticsDeadline

# 0601's columns are the launching level: the Government's and Prime Minister's national
# campaigns are central level (col 2); the Government Inspectorate and the provinces are
# ministry/province level (col 3); the cluster (through its lead unit) and a unit are
# "Cơ quan, tổ chức, đơn vị" (col 4), as the vendor's [C] fills rows 04 and 05 in col 4.
COLUMN_OF_LEVEL = {
    "national": "central",
    "ministry_province": "ministry_province",
    "cluster": "unit",
    "unit": "unit",
}


def movements_for_statistics(
    *, cluster_year: ClusterYear, window: tuple[dt.date, dt.date], unit: Unit | None = None
) -> list[Movement]:
    """The cluster year's movements running at some time in the reporting `window` (all of
    them, or those a unit launched or responded to), by start date. Two queries at most."""
    start, end = window
    movements = Movement.objects.filter(cluster_year=cluster_year, starts_on__lte=end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    ).select_related("launching_unit")
    if unit is not None:
        responded = MovementResponse.objects.filter(movement=OuterRef("pk"), unit=unit)
        movements = movements.filter(Q(launching_unit=unit) | Q(Exists(responded)))
    return list(movements.order_by("starts_on", "name"))


def movement_facts(movements: Iterable[Movement], *, window_end: dt.date) -> list[Fact]:
    """One fact per movement. A movement without an end date is measured to the end of the
    reporting window (its duration so far): 0601 has no row for an open-ended movement, and
    each breakdown must add up to the total."""
    return [
        Fact(
            column=COLUMN_OF_LEVEL[movement.level],
            dims={
                "scope": movement.scope,
                "duration": duration_bucket(movement.starts_on, movement.ends_on or window_end),
                "method": movement.kind,
            },
            label=movement.name,
        )
        for movement in movements
    ]


def award_facts(records: Iterable[AwardRecord], form_short: str) -> tuple[list[Fact], list[str]]:
    """Facts of one form (0602 or 0603) from award records, and the records of that form's
    level that no column of it takes. An individual without a recorded leadership level counts
    as a direct worker. The app's recipients are inspectorates and their staff: none is a
    business, a household or a businessperson, so those rows stay 0."""
    facts, uncounted = [], []
    for record in records:
        column = award_column(record.title_or_form_code, record.level)
        if column is None:
            if LEVEL_FORMS.get(record.level or "") == form_short:
                uncounted.append(record.label)
            continue
        if column[0] != form_short:
            continue
        subject = COLLECTIVE if record.collective else INDIVIDUAL
        dims = {"subject": subject, "method": record.method}
        if record.proposer:
            dims["proposer"] = record.proposer
        if not record.collective:
            dims["leadership"] = record.leadership_level or "staff"
        facts.append(
            Fact(
                column=column[1], dims=dims, label=record.label, subject=subject,
                form=record.title_or_form_code, form_label=record.award_name,
                form_order=record.award_order,
            )
        )
    return facts, uncounted


# The app's own note under a form (Vietnamese data, as the forms' wording is).
PROPOSER_NOTE = "Ghi chú: {count} lượt khen thưởng chưa ghi đơn vị trình, chưa chia vào dòng {rows}."


def proposer_gap(layout: FormLayout, records: Iterable[AwardRecord]) -> list[AwardRecord]:
    """The records `layout` counts whose decision does not say who submitted it to the Prime
    Minister (0602 rows 02–03); none for a form without such rows."""
    if not any(row.key and row.key[0] == "proposer" for row in layout.data_rows):
        return []
    return [
        record for record in records
        if not record.proposer
        and (award_column(record.title_or_form_code, record.level) or ("",))[0] == layout.short
    ]


def proposer_note(layout: FormLayout, missing: list[AwardRecord]) -> list[str]:
    """The note line explaining why the proposer rows add up to less than row 01."""
    codes = [row.code for row in layout.data_rows if row.key and row.key[0] == "proposer"]
    if not missing or not codes:
        return []
    return [PROPOSER_NOTE.format(count=len(missing), rows=f"{codes[0]}–{codes[-1]}")]


def statistics_deadline(*, year: int) -> StatisticsDeadline | None:
    """The deadline rule for the statistics of `year`: the row in force on 31/12 of that year,
    else the earliest later row (the forms are then produced in today's layout)."""
    rows = StatisticsDeadline.objects.order_by("valid_from")
    end = dt.date(year, 12, 31)
    return rows.in_force_on(end).order_by("-valid_from").first() or rows.filter(valid_from__gt=end).first()


@dataclass
class StatisticsBundle:
    cluster_year: ClusterYear
    unit: Unit | None
    forms: list[FilledForm]
    deadline: StatisticsDeadline | None = None
    signature: Signature = field(default_factory=lambda: Signature("", "", ""))
    # (pk, number) of the decisions whose state-level awards lack a submitter, by date.
    decisions_without_proposer: list[tuple[int, str]] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.cluster_year.year

    @property
    def reporter(self) -> str:
        return str(self.unit) if self.unit else str(self.cluster_year.cluster)

    @property
    def receiver(self) -> str:
        return self.deadline.receiver if self.deadline else ""

    def receipt(self, layout: FormLayout) -> tuple[int, int]:
        """(day, month) the receiver gets the form: the deadline rule's, else the layout's."""
        if self.deadline is not None:
            return (self.deadline.due_day, self.deadline.due_month)
        return (layout.receipt[1], layout.receipt[0])

    def window(self, layout: FormLayout) -> tuple[dt.date, dt.date]:
        return layout.window(self.year)


def statistics_for(*, cluster_year: ClusterYear, unit: Unit | None = None) -> StatisticsBundle:
    """Forms 0601.N, 0602.N and 0603.N of a year, for one unit or the whole cluster, in the
    layouts in force when the year's report is due; dated records count in each form's
    reporting window (decisions by their date)."""
    layouts = layouts_on(report_day(cluster_year.year))
    window_0601 = layouts["0601"].window(cluster_year.year)
    movements = movements_for_statistics(cluster_year=cluster_year, window=window_0601, unit=unit)
    forms = [fill(layouts["0601"], movement_facts(movements, window_end=window_0601[1]))]
    records: dict[tuple[dt.date, dt.date], list[AwardRecord]] = {}
    to_complete: list[tuple[int, str]] = []
    for short in FORM_ORDER[1:]:
        window = layouts[short].window(cluster_year.year)
        if window not in records:
            records[window] = award_records_for_statistics(
                cluster_year=cluster_year, window=window, unit=unit
            )
        facts, uncounted = award_facts(records[window], short)
        form = fill(layouts[short], facts)
        form.uncounted = uncounted
        missing = proposer_gap(layouts[short], records[window])
        form.notes = proposer_note(layouts[short], missing)
        to_complete.extend((r.decision_id, r.decision_number) for r in missing if r.decision_id)
        forms.append(form)
    return StatisticsBundle(
        cluster_year,
        unit,
        forms,
        statistics_deadline(year=cluster_year.year),
        signature_for(cluster_year=cluster_year, unit=unit),
        list(dict.fromkeys(to_complete)),
    )


def statistics_tasks(*, user, unit: Unit, today: dt.date) -> list:
    """A reminder on the unit's home page to send forms 0601.N–0603.N, from `reminder_days`
    before the due date until it (one query, and the unit's memberships the page reads once)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from cum4.registry import Task

    rule = statistics_deadline(year=today.year)
    if rule is None:
        return []
    due = rule.due_in(today.year)
    if not (due - dt.timedelta(days=rule.reminder_days) <= today <= due):
        return []
    from cum4.selectors import unit_memberships

    membership = next(
        (m for m in unit_memberships(unit=unit) if m.cluster_year.year == today.year), None
    )
    if membership is None:
        return []
    cluster_year = membership.cluster_year
    url = reverse("emulation:statistics", args=[cluster_year.cluster.code, cluster_year.year])
    return [
        Task(
            label=_("Send the yearly statistics forms 0601.N–0603.N of %(year)s") % {"year": today.year},
            url=f"{url}?unit={unit.code}",
            due=due,
            state="due",
        )
    ]
