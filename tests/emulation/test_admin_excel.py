"""The admin's import-export screens write files people read and import them back (issue 14,
item 4): every registered admin with an Excel export is walked through its export view."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin
from openpyxl import load_workbook

from cum4.exports.admin_excel import ReadableImportExportMixin, ReadableXLSX
from cum4.import_widgets import LabelChoiceWidget
from emulation.awards.models import ConditionConfirmation, Registration, RegistrationItem
from emulation.movements.models import ManualJudgement, MovementResponse, MovementReview
from emulation.scoring.models import NominationBallot, RankingProposal
from emulation.scoring.services.criteria import criteria_table_create_sample
from emulation.staff.models import (
    DisciplineLevel,
    InitiativeLevel,
    LeadershipLevel,
    PendingComplaint,
)
from tests.emulation.movements.pledge_builders import (
    indicator_target,
    manual_target,
    movement,
    pledge_for,
)
from tests.emulation.scoring_fixtures import members_of, set_scores
from tests.reports.conftest import make_report, valid_values

SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
PERSON = "Lò Văn Xuất"


def _english_enum_values() -> set[str]:
    """Every choice value of every model that is a word (not a number)."""
    return {
        str(value)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "choices", None)
        for value, _label in field.choices
        if isinstance(value, str) and re.search(r"[a-z]", value)
    }


@pytest.fixture
def admin_data(records, unit, cluster_2022, lead_2022):
    """At least one row in most admin tables: people and their records, registrations and
    decisions, movements and pledges, scoring, quarterly reports."""
    laichau = unit("laichau")
    person = records.person(laichau, name=PERSON, level=LeadershipLevel.DEPARTMENT)
    records.rate(person, 2022, "excellent")
    records.initiative(person, 2022, InitiativeLevel.values[0])
    records.discipline(person, 2022, DisciplineLevel.values[0])
    records.leave(person, "maternity", dt.date(2022, 2, 1), dt.date(2022, 7, 31))
    records.grant(person, "tt_ldxs", 2022)
    ConditionConfirmation.objects.create(award_id="tt_ldxs", year=2022, unit=laichau,
                                         condition="Không có cá nhân bị kỷ luật",
                                         evidence="Biên bản họp", confirmed_by=lead_2022)
    registration = Registration.objects.create(
        unit=laichau, year=2022, signed_at=dt.datetime(2022, 3, 20, 23, 30, tzinfo=dt.UTC),
        signed_by=lead_2022)
    RegistrationItem.objects.create(registration=registration, award_id="tt_ldxs",
                                    staff_member=person)
    PendingComplaint.objects.create(kind="complaint", unit=laichau, staff_member=person,
                                    received_on=dt.date(2022, 5, 4), summary="Đơn khiếu nại")
    launched = movement(cluster_2022, name="Phong trào thi đua", launching_unit=laichau)
    MovementResponse.objects.create(movement=launched, unit=laichau, amount_vnd=5_000_000)
    MovementReview.objects.create(movement=launched, kind="year_end",
                                  held_on=dt.date(2022, 12, 20))
    pledge = pledge_for(cluster_2022, unit("langson"))
    target = indicator_target(pledge)
    target.title = "Tỷ lệ giải quyết khiếu nại, tố cáo từ 85% trở lên"
    target.save()
    ManualJudgement.objects.create(target=manual_target(pledge), unit=laichau, status="not_met",
                                   judged_by=lead_2022)
    NominationBallot.objects.create(cluster_year=cluster_2022, voter=laichau,
                                    nominee=unit("sonla"), cast_by=lead_2022)
    RankingProposal.objects.create(cluster_year=cluster_2022, unit=laichau, award_code="tt_ldxs",
                                   rank=1, created_by=lead_2022,
                                   dossier_deadline=dt.date(2022, 12, 20))
    table = criteria_table_create_sample(cluster_year=cluster_2022)
    criterion = table.groups.first().criteria.first()
    set_scores(members_of(cluster_2022)[0], {criterion: Decimal("1.5")})
    make_report(laichau, 2023, 1, values=valid_values())
    return person


def _export_admins():
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, ExportMixin):
            yield model, model_admin


def _export(client, model, model_admin) -> bytes:
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_export"
    url = reverse(name)
    page = client.get(url).content.decode()
    formats = [f().get_title() for f in model_admin.get_export_formats()]
    checkboxes = set(re.findall(r'type="checkbox" name="([^"]+)"', page))
    checkboxes |= set(re.findall(r'name="([^"]+)"[^>]*type="checkbox"', page))
    assert checkboxes, model
    response = client.post(url, {"format": str(formats.index("xlsx")), "resource": "0",
                                 **dict.fromkeys(checkboxes, "on")})
    assert response.status_code == 200, (model, response.content[:500])
    return response.content


def test_every_admin_export_is_readable(admin_data, client_for, secretariat):
    """No sheet called "Tablib Dataset", no visible snake_case code or English field name, no
    English enum value, no database id for a person or a unit, dates as dates."""
    english = _english_enum_values()
    client = client_for(secretariat)
    walked, empty = 0, []
    for model, model_admin in _export_admins():
        assert isinstance(model_admin, ReadableImportExportMixin), model
        resource = model_admin.get_export_resource_classes(None)[0]()
        codes = set(resource.fields) | {str(f.column_name) for f in resource.fields.values()}
        book = load_workbook(io.BytesIO(_export(client, model, model_admin)))
        sheet = book.active
        assert sheet.title not in ("Tablib Dataset", "Sheet"), model
        assert not SNAKE.match(sheet.title), (model, sheet.title)
        rows = list(sheet.iter_rows(values_only=True))
        headers = rows[0]
        columns = {}
        for number, header in enumerate(headers, start=1):
            letter = sheet.cell(1, number).column_letter
            if sheet.column_dimensions[letter].hidden:
                continue
            assert header and not SNAKE.match(str(header)), (model, header)
            assert not re.fullmatch(r"[A-Za-z ()]+", str(header)), (model, header)  # English
            assert str(header) not in codes, (model, header)  # the label, not the code
            assert sheet.column_dimensions[letter].width >= 8, (model, header)
            code = import_code(resource, header)
            columns[number - 1] = code
        shown = [headers[index] for index in columns]
        assert len(shown) == len(set(shown)), (model, shown)  # each label reads back to one
        for row in rows[1:]:
            for index, code in columns.items():
                value = row[index]
                field = resource.fields[code]
                model_field = _model_field(model, field.attribute)
                if getattr(model_field, "choices", None) or isinstance(
                        field.widget, LabelChoiceWidget):
                    for part in str(value).replace(";", ",").split(","):
                        assert part.strip() not in english, (model, headers[index], value)
                assert not SNAKE.match(str(value)), (model, headers[index], value)
                assert not (isinstance(value, str) and re.search(r"\+00:00|UTC", value)), value
                if isinstance(model_field, models.ForeignKey):
                    assert not isinstance(value, int | float), (model, code, value)
                if isinstance(model_field, models.DateField) and value is not None:
                    assert isinstance(value, dt.datetime), (model, code, value)
        walked += 1
        if len(rows) < 2:
            empty.append(model.__name__)
    assert walked >= 30 and not empty, empty  # every table checked on a row


def import_code(resource, header) -> str:
    for name, field in resource.fields.items():
        if resource.field_label(name, field) == header:
            return name
    raise AssertionError(f"no field for {header}")


def _model_field(model, attribute):
    field = None
    for part in (attribute or "").split("__"):
        try:
            field = model._meta.get_field(part)
        except Exception:
            return None
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field


def test_the_staff_member_and_the_unit_appear_by_name(admin_data, client_for, secretariat):
    client = client_for(secretariat)
    from emulation.staff.models import YearlyRating

    sheet = load_workbook(io.BytesIO(_export(client, YearlyRating,
                                             admin.site._registry[YearlyRating]))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Mã cán bộ", "Họ và tên", "Năm", "Thanh tra tỉnh", "Xếp loại")
    assert (rows[1][1], rows[1][3], rows[1][4]) == (
        PERSON, "Thanh tra tỉnh Lai Châu", "hoàn thành xuất sắc nhiệm vụ")


def _snapshot(model) -> list[dict]:
    skip = {f.attname for f in model._meta.concrete_fields
            if getattr(f, "auto_now", False)}
    return [
        {k: v for k, v in row.items() if k not in skip}
        for row in model.objects.order_by("pk").values()
    ]


def test_every_admin_export_imports_back_unchanged(admin_data, client_for, secretariat):
    """Round trip: the file the admin writes, read as the admin reads it, imports without an
    error and changes nothing."""
    client = client_for(secretariat)
    walked = 0
    for model, model_admin in _export_admins():
        if not isinstance(model_admin, ImportMixin):
            continue
        content = _export(client, model, model_admin)
        before = _snapshot(model)
        dataset = ReadableXLSX().create_dataset(content)
        resource = model_admin.get_import_resource_classes(None)[0]()
        result = resource.import_data(dataset, dry_run=False, raise_errors=True,
                                      use_transactions=True)
        assert not result.has_errors() and not result.has_validation_errors(), model
        assert _snapshot(model) == before, model
        walked += 1
    assert walked >= 25



def test_the_import_and_export_pages_name_the_columns_in_vietnamese(core, client_for, secretariat):
    """The field lists of both pages and the import preview's headers are the labels."""
    from cum4.models import Unit

    client = client_for(secretariat)
    model_admin = admin.site._registry[Unit]
    export_page = client.get(reverse("admin:cum4_unit_export")).content.decode()
    assert "Vùng sâu, vùng xa" in export_page and "Is Remote Area" not in export_page
    import_page = client.get(reverse("admin:cum4_unit_import")).content.decode()
    assert "Vùng sâu, vùng xa" in import_page and "is_remote_area" not in import_page
    upload = io.BytesIO(_export(client, Unit, model_admin))
    upload.name = "don-vi.xlsx"
    formats = [f().get_title() for f in model_admin.get_import_formats()]
    preview = client.post(reverse("admin:cum4_unit_import"), {
        "resource": "0", "format": str(formats.index("xlsx")), "import_file": upload,
    }).content.decode()
    assert 'name="import_file_name"' in preview  # no error: it can be confirmed
    assert "Vùng sâu, vùng xa" in preview and "is_remote_area" not in preview


def test_a_text_export_writes_yes_no_in_vietnamese(admin_data):
    """CSV has no booleans: a computed yes/no is "Có"/"Không", never True/False."""
    from emulation.awards.resources import RegistrationItemResource

    item = RegistrationItem.objects.get()
    row = RegistrationItemResource(late={item.registration_id}).export().dict[0]
    assert row["Nộp muộn"] == "Có"
    assert RegistrationItemResource().export().dict[0]["Nộp muộn"] == "Không"


def test_the_readable_widgets_read_back_names_codes_and_labels(core):
    from cum4.import_widgets import (
        LabelChoiceWidget,
        LabelListWidget,
        NaturalKeyWidget,
        PersonWidget,
    )
    from cum4.models import Unit, User
    from cum4.resources import ClusterYearWidget
    from emulation.staff.models import LeaveKind

    laichau = Unit.objects.get(code="laichau")
    assert NaturalKeyWidget(Unit).clean("Thanh tra tỉnh Lai Châu") == laichau
    assert NaturalKeyWidget(Unit).clean("laichau") == laichau
    with pytest.raises(ValueError):
        NaturalKeyWidget(Unit).clean("Thanh tra tỉnh Không Có")
    leader = User.objects.get(username="laichau.leader")
    assert PersonWidget(User).render(leader) == "Chánh Thanh tra Lai Châu"
    assert PersonWidget(User).clean("Chánh Thanh tra Lai Châu") == leader
    assert PersonWidget(User).clean("laichau.leader") == leader
    roles = LabelChoiceWidget(User.Role.choices)
    assert roles.clean("lãnh đạo đơn vị") == roles.clean("leader") == "leader"
    with pytest.raises(ValueError):
        roles.clean("trưởng phòng")
    kinds = LabelListWidget(LeaveKind.choices)
    written = kinds.render("maternity,injury")
    assert "maternity" not in written and kinds.clean(written) == "maternity,injury"
    assert kinds.clean("maternity, training_short") == "maternity,training_short"
    cluster_year = ClusterYearWidget().clean("Cụm thi đua số IV/2022")
    assert ClusterYearWidget().clean("cum-iv/2022") == cluster_year
    assert ClusterYearWidget().render(cluster_year) == "Cụm thi đua số IV/2022"
