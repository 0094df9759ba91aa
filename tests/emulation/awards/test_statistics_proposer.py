"""Form 0602.N group 1: state-level awards split by who submitted them to the Prime Minister
(row 02 a ministry or central body, row 03 a province), recorded on the decision."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from emulation.awards import services
from emulation.awards.models import Decision, DecisionItem
from emulation.awards.resources import DecisionResource
from emulation.awards.statistics.selectors import statistics_for

NOTE_ONE = "Ghi chú: 1 lượt khen thưởng chưa ghi đơn vị trình, chưa chia vào dòng 02–03."


def _decision(number: str, proposer: str = "", date=dt.date(2022, 6, 10), **extra) -> Decision:
    return Decision.objects.create(
        number=number, date=date, authority="Thủ tướng Chính phủ", method="regular", year=2022,
        proposer=proposer, **extra,
    )


def _form_0602(cluster_year, unit=None):
    bundle = statistics_for(cluster_year=cluster_year, unit=unit)
    return bundle, next(form for form in bundle.forms if form.layout.short == "0602")


def _cells(sheet) -> list:
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]


def test_row_01_is_02_plus_03_in_every_column_when_every_submitter_is_recorded(
    records, cluster_2022, unit
):
    sonla, laichau = unit("sonla"), unit("laichau")
    person = records.person(sonla, "Nguyễn Văn A")
    # The Government Inspectorate's proposal for the cluster; the province's for its own.
    cluster = _decision("1001/QĐ-TTg", proposer=Decision.Proposer.MINISTRY)
    DecisionItem.objects.create(decision=cluster, award_id="bk_ttg", unit=sonla)
    DecisionItem.objects.create(decision=cluster, award_id="bk_ttg", unit=sonla, staff_member=person)
    DecisionItem.objects.create(decision=cluster, award_id="co_chinhphu", unit=laichau)
    province = _decision("1002/QĐ-TTg", proposer=Decision.Proposer.PROVINCE)
    DecisionItem.objects.create(decision=province, award_id="bk_ttg", unit=laichau)

    bundle, form = _form_0602(cluster_2022)
    assert form.value("01") == 4
    assert (form.value("02"), form.value("03")) == (3, 1)
    for column in form.layout.columns:
        assert form.value("02", column.number) + form.value("03", column.number) == form.value(
            "01", column.number
        ), column.number
    assert (form.value("02", 6), form.value("02", 7), form.value("03", 7)) == (1, 2, 1)
    assert form.notes == [] and bundle.decisions_without_proposer == []
    # One unit's form splits its own awards the same way.
    _bundle, own = _form_0602(cluster_2022, unit=laichau)
    assert (own.value("01"), own.value("02"), own.value("03")) == (2, 1, 1)


def test_it_notes_under_0602_the_awards_whose_submitter_is_not_recorded(
    records, cluster_2022, unit, client_for, lead_2022
):
    sonla = unit("sonla")
    recorded = _decision("1001/QĐ-TTg", proposer=Decision.Proposer.PROVINCE)
    DecisionItem.objects.create(decision=recorded, award_id="bk_ttg", unit=sonla)
    missing = _decision("1003/QĐ-TTg")
    DecisionItem.objects.create(decision=missing, award_id="bk_ttg", unit=sonla,
                                staff_member=records.person(sonla))

    bundle, form = _form_0602(cluster_2022)
    assert form.value("01") == 2 and (form.value("02"), form.value("03")) == (0, 1)
    assert form.notes == [NOTE_ONE]
    assert bundle.decisions_without_proposer == [(missing.pk, "1003/QĐ-TTg")]
    assert all(not f.notes for f in bundle.forms if f.layout.short != "0602")

    client = client_for(lead_2022)
    workbook = load_workbook(io.BytesIO(client.get(
        reverse("emulation:statistics_export", args=["cum-iv", 2022])).content))
    assert NOTE_ONE in _cells(workbook["0602"])
    assert NOTE_ONE not in _cells(workbook["0603"])

    with translation.override("vi"):
        page = client.get(reverse("emulation:statistics", args=["cum-iv", 2022])).content.decode()
    assert NOTE_ONE in page
    assert 'data-testid="proposer-hint"' in page and "Cần ghi đơn vị trình Thủ tướng Chính phủ" in page
    assert f'href="{reverse("emulation:decision_detail", args=[missing.pk])}"' in page
    assert reverse("emulation:decision_detail", args=[recorded.pk]) not in page


def test_the_statistics_page_has_no_note_when_every_submitter_is_recorded(
    cluster_2022, unit, client_for, viewer
):
    decision = _decision("1001/QĐ-TTg", proposer=Decision.Proposer.MINISTRY)
    DecisionItem.objects.create(decision=decision, award_id="bk_ttg", unit=unit("sonla"))
    page = client_for(viewer).get(reverse("emulation:statistics", args=["cum-iv", 2022]))
    body = page.content.decode()
    assert "chưa ghi đơn vị trình" not in body and 'data-testid="proposer-hint"' not in body


def test_it_refuses_a_submitter_on_a_decision_whose_awards_are_below_state_level(
    unit, secretariat
):
    decision = _decision("55/QĐ-TTCP")
    DecisionItem.objects.create(decision=decision, award_id="bk_ttcp", unit=unit("sonla"))
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        services.decision_proposer_set(decision=decision, proposer="ministry", by=secretariat)
    assert "Chỉ quyết định khen thưởng cấp Nhà nước" in str(error.value.message_dict["proposer"])
    # Blank stays allowed, and a state-level award makes the submitter acceptable.
    services.decision_proposer_set(decision=decision, proposer="", by=secretariat)
    DecisionItem.objects.create(decision=decision, award_id="bk_ttg", unit=unit("sonla"))
    services.decision_proposer_set(decision=decision, proposer="ministry", by=secretariat)
    decision.refresh_from_db()
    assert decision.proposer == "ministry"


def test_the_new_decision_form_takes_the_submitter(secretariat, client_for):
    url = reverse("emulation:decision_create")
    client = client_for(secretariat)
    with translation.override("vi"):
        form = client.get(url).content.decode()
    assert 'name="proposer"' in form
    assert "Đơn vị trình Thủ tướng Chính phủ" in form
    assert "Bộ, ban, ngành, đoàn thể Trung ương (vd. Thanh tra Chính phủ)" in form
    assert "Tỉnh, thành phố trực thuộc Trung ương (UBND tỉnh, thành phố)" in form
    data = {"number": "1001/QĐ-TTg", "date": "2022-06-10", "authority": "Thủ tướng Chính phủ",
            "method": "regular", "year": 2022, "summary": "", "proposer": "province"}
    assert client.post(url, data).status_code == 302
    assert Decision.objects.get().proposer == "province"


def test_the_decision_page_asks_for_and_records_the_submitter_of_state_level_awards(
    unit, secretariat, leader_laichau, client_for
):
    decision = _decision("1003/QĐ-TTg")
    DecisionItem.objects.create(decision=decision, award_id="bk_ttg", unit=unit("laichau"))
    url = reverse("emulation:decision_detail", args=[decision.pk])
    client = client_for(secretariat)
    page = client.get(url).content.decode()
    assert 'data-testid="decision-proposer-missing"' in page
    assert 'data-testid="decision-proposer-form"' in page
    post = {"action": "proposer", "proposer": "ministry"}
    assert client_for(leader_laichau).post(url, post).status_code == 403
    assert client.post(url, post).status_code == 302
    decision.refresh_from_db()
    assert decision.proposer == "ministry"
    with translation.override("vi"):
        page = client.get(url).content.decode()
    assert 'data-testid="decision-proposer-missing"' not in page
    assert "Bộ, ban, ngành, đoàn thể Trung ương (vd. Thanh tra Chính phủ)" in page


def test_the_decision_page_shows_the_refusal_for_a_decision_below_state_level(
    unit, secretariat, client_for
):
    decision = _decision("55/QĐ-TTCP", proposer="ministry")  # entered before its awards
    DecisionItem.objects.create(decision=decision, award_id="bk_ttcp", unit=unit("laichau"))
    url = reverse("emulation:decision_detail", args=[decision.pk])
    with translation.override("vi"):
        response = client_for(secretariat).post(url, {"action": "proposer", "proposer": "province"})
    assert response.status_code == 200
    assert "Chỉ quyết định khen thưởng cấp Nhà nước" in response.content.decode()
    decision.refresh_from_db()
    assert decision.proposer == "ministry"


def test_the_admin_shows_filters_and_edits_the_submitter(unit, secretariat, client_for):
    decision = _decision("1003/QĐ-TTg")
    DecisionItem.objects.create(decision=decision, award_id="bk_ttg", unit=unit("laichau"))
    client = client_for(secretariat)
    change = reverse("admin:emulation_decision_change", args=[decision.pk])
    with translation.override("vi"):
        page = client.get(change).content.decode()
    assert 'name="proposer"' in page and "Đơn vị trình Thủ tướng Chính phủ" in page
    changelist = client.get(reverse("admin:emulation_decision_changelist") + "?proposer__exact=ministry")
    assert changelist.status_code == 200 and "1003/QĐ-TTg" not in changelist.content.decode()
    decision.proposer = "ministry"
    decision.save()
    changelist = client.get(reverse("admin:emulation_decision_changelist") + "?proposer__exact=ministry")
    assert "1003/QĐ-TTg" in changelist.content.decode()


def test_the_decisions_file_exports_and_imports_the_submitter(db):
    _decision("1001/QĐ-TTg", proposer="province")
    resource = DecisionResource()
    assert "proposer" in [field.attribute for field in resource.get_export_fields()]
    dataset = resource.export()
    Decision.objects.update(proposer="")
    result = DecisionResource().import_data(dataset, dry_run=False, raise_errors=True)
    assert not result.has_validation_errors()
    assert Decision.objects.get().proposer == "province"
    # The column is headed by the field's Vietnamese name where headers are translated.
    with translation.override("vi"):
        assert str(Decision._meta.get_field("proposer").verbose_name) == (
            "đơn vị trình Thủ tướng Chính phủ"
        )


@pytest.mark.django_db(transaction=True)
def test_the_migration_adds_a_blank_submitter_to_decisions_already_entered():
    executor = MigrationExecutor(connection)
    adding = next(
        key for key, migration in executor.loader.disk_migrations.items()
        if key[0] == "emulation" and any(
            getattr(op, "model_name", "") == "decision" and getattr(op, "name", "") == "proposer"
            for op in migration.operations
        )
    )
    before = [dep for dep in executor.loader.graph.node_map[adding].parents if dep.key[0] == "emulation"]
    assert len(before) == 1
    before_key = before[0].key
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([before_key])
    old_apps = executor.loader.project_state([before_key]).apps
    old = old_apps.get_model("emulation", "Decision").objects.create(
        number="7/QĐ-TTg", date=dt.date(2021, 5, 4), authority="Thủ tướng Chính phủ",
        method="regular", year=2021,
    )
    executor = MigrationExecutor(connection)
    executor.migrate(leaves)
    assert Decision.objects.get(pk=old.pk).proposer == ""
