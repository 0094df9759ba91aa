"""Every Excel export is for people to read (issue 14, item 4): a named sheet, Vietnamese
headers, people and units by name, enum values by their labels, dates as local dates, widths."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from emulation.awards.models import Decision, Registration, RegistrationItem
from emulation.movements.models import Movement
from emulation.scoring.models import Criterion
from emulation.scoring.services.criteria import criteria_table_create_sample
from emulation.staff.models import DisciplineLevel, InitiativeLevel, LeadershipLevel, Rating
from emulation.staff.workbook import staff_export_xlsx
from tests.emulation.movements.pledge_builders import indicator_target, movement, pledge_for

SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")
ENGLISH_ENUMS = {
    str(value)
    for choices in (Decision.Method, Movement.Kind, Movement.LaunchedBy, LeadershipLevel,
                    Rating, DisciplineLevel, InitiativeLevel, Criterion.Method)
    for value in choices.values
}
PERSON = "Lò Văn Xuất"
UNIT = "Thanh tra tỉnh Lai Châu"


def _build(name, *, records, unit, cluster_2022, client_for, lead_2022, viewer, secretariat):
    laichau = unit("laichau")
    person = records.person(laichau, name=PERSON, level=LeadershipLevel.DEPARTMENT)
    if name == "staff":
        records.rate(person, 2022, "excellent")
        records.initiative(person, 2022, InitiativeLevel.values[0])
        records.discipline(person, 2022, DisciplineLevel.values[0])
        buffer = io.BytesIO()
        staff_export_xlsx(unit=laichau, output=buffer)
        return buffer.getvalue()
    if name == "registrations":
        registration = Registration.objects.create(
            unit=laichau, year=2022,
            signed_at=dt.datetime(2022, 3, 20, 23, 30, tzinfo=dt.UTC), signed_by=lead_2022)
        RegistrationItem.objects.create(registration=registration, award_id="tt_ldxs",
                                        staff_member=person)
        url = reverse("emulation:registrations_export", args=["cum-iv", 2022])
        return client_for(lead_2022).get(url).content
    if name == "decisions":
        records.grant(person, "tt_ldxs", 2022)
        url = reverse("emulation:decisions_export", args=["cum-iv", 2022])
        return client_for(viewer).get(url).content
    if name == "movements":
        movement(cluster_2022, name="Phong trào thi đua", launching_unit=laichau)
        url = reverse("emulation:movement_export", args=["cum-iv", 2022])
        return client_for(viewer).get(url).content
    if name == "pledge":
        indicator_target(pledge_for(cluster_2022, unit("langson")))
        url = reverse("emulation:pledge_export", args=["cum-iv", 2022])
        return client_for(viewer).get(url).content
    criteria_table_create_sample(cluster_year=cluster_2022)
    if name == "criteria":
        url = reverse("emulation:criteria_export", args=["cum-iv", 2022])
        return client_for(secretariat).get(url).content
    url = reverse("emulation:ranking_export", args=["cum-iv", 2022])
    return client_for(lead_2022).get(url).content


@pytest.mark.parametrize(
    "name",
    ["staff", "registrations", "decisions", "movements", "pledge", "criteria", "ranking"],
)
def test_every_excel_export_is_readable(name, records, unit, cluster_2022, client_for,
                                        lead_2022, viewer, secretariat):
    content = _build(name, records=records, unit=unit, cluster_2022=cluster_2022,
                     client_for=client_for, lead_2022=lead_2022, viewer=viewer,
                     secretariat=secretariat)
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        assert sheet.title not in ("Tablib Dataset", "Sheet")
        assert not SNAKE.match(sheet.title), sheet.title
        rows = list(sheet.iter_rows(values_only=True))
        header_index = next(i for i, row in enumerate(rows) if sum(v is not None for v in row) > 2
                            or i == len(rows) - 1)
        visible = [i for i, cell in enumerate(sheet[header_index + 1], start=1)
                   if not sheet.column_dimensions[cell.column_letter].hidden]
        for number in visible:
            header = rows[header_index][number - 1]
            assert header is None or not SNAKE.match(str(header)), (sheet.title, header)
            assert sheet.column_dimensions[sheet.cell(1, number).column_letter].width, header
        for row in rows[header_index + 1:]:
            for number in visible:
                value = row[number - 1]
                assert str(value) not in ENGLISH_ENUMS, (sheet.title, value)
                assert not (isinstance(value, str) and re.search(r"\+00:00|UTC", value)), value
                assert not (isinstance(value, dt.datetime) and value.tzinfo), value
    cells = [c for s in book.worksheets for row in s.iter_rows(values_only=True) for c in row]
    if name in ("staff", "registrations", "decisions"):
        assert PERSON in cells
    if name in ("staff", "registrations", "decisions", "movements"):
        assert UNIT in cells
    if name == "registrations":  # signed 23:30 UTC on 20/03 is 06:30 on 21/03 in Hà Nội
        assert dt.datetime(2022, 3, 21, 6, 30) in cells
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"


def test_the_admins_exports_name_their_sheet_after_the_model(records, unit, cluster_2022):
    from cum4.resources import UnitResource
    from emulation.movements.resources import MovementResource

    movement(cluster_2022, name="Phong trào thi đua")
    for resource in (UnitResource(), MovementResource()):
        sheet = load_workbook(io.BytesIO(resource.export(force_native_type=True).xlsx)).active
        assert sheet.title not in ("Tablib Dataset", "Sheet")
        assert sheet.title == sheet.title.strip() and not SNAKE.match(sheet.title)
