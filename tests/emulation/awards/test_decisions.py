"""Commendation decisions: the secretariat records them; each item carries its cash reward."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from django.urls import reverse

from emulation.awards.models import Award, Decision, DecisionItem
from tests.emulation.conftest import queries_of


def _decision(date=dt.date(2024, 8, 1), number="123/QĐ-TTCP", year=2024) -> Decision:
    return Decision.objects.create(number=number, date=date, authority="Thanh tra Chính phủ",
                                   method="regular", year=year)


def test_it_shows_each_item_with_its_cash_reward(records, unit, staff_laichau, client_for):
    laichau = unit("laichau")
    person = records.person(laichau, name="Lò Văn Thưởng")
    decision = _decision()
    DecisionItem.objects.create(decision=decision, award_id="cstd_bo", unit=laichau,
                                staff_member=person)
    DecisionItem.objects.create(decision=decision, award_id="co_ttcp", unit=laichau)
    page = client_for(staff_laichau).get(
        reverse("emulation:decision_detail", args=[decision.pk])).content.decode()
    assert "7.020.000 đ" in page  # 3,0 × 2.340.000
    assert "18.720.000 đ" in page  # 8,0 × 2.340.000
    assert "25.740.000 đ" in page  # the total


def test_it_lets_only_the_secretariat_record_decisions(records, unit, secretariat,
                                                       leader_laichau, client_for):
    data = {"number": "45/QĐ-TTr", "date": "2024-12-20", "authority": "Chánh Thanh tra tỉnh",
            "method": "regular", "year": 2024, "summary": ""}
    url = reverse("emulation:decision_create")
    assert client_for(leader_laichau).post(url, data).status_code == 403
    assert client_for(secretariat).post(url, data).status_code == 302
    decision = Decision.objects.get()
    person = records.person(unit("laichau"))
    detail = reverse("emulation:decision_detail", args=[decision.pk])
    item = {"action": "add", "unit": unit("laichau").pk, "award": "cstdcs",
            "staff_member": person.pk}
    assert client_for(leader_laichau).post(detail, item).status_code == 403
    assert client_for(secretariat).post(detail, item).status_code == 302
    assert DecisionItem.objects.get().staff_member == person


def test_it_refuses_an_item_for_a_person_outside_the_unit(records, unit, secretariat,
                                                          client_for):
    decision = _decision()
    person = records.person(unit("sonla"))
    response = client_for(secretariat).post(
        reverse("emulation:decision_detail", args=[decision.pk]),
        {"action": "add", "unit": unit("laichau").pk, "award": "cstdcs",
         "staff_member": person.pk},
    )
    assert response.status_code == 200
    assert not DecisionItem.objects.exists()


def test_it_exports_a_cluster_years_decisions_with_cash(records, unit, viewer, client_for):
    laichau = unit("laichau")
    DecisionItem.objects.create(decision=_decision(date=dt.date(2025, 1, 10), year=2024),
                                award_id="tt_ldxs", unit=laichau)
    DecisionItem.objects.create(decision=_decision(number="9/QĐ", year=2023),
                                award_id="tt_ldtt", unit=laichau)
    response = client_for(viewer).get(
        reverse("emulation:decisions_export", args=["cum-iv", 2024]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    header = rows[0]
    assert len(rows) == 2
    assert rows[1][header.index("Danh hiệu, hình thức")] == Award.objects.get(code="tt_ldxs").name
    assert rows[1][header.index("Tiền thưởng (đồng)")] == 3_510_000  # 1,5 × 2.340.000


def test_it_shows_a_units_and_a_persons_award_history(records, unit, staff_laichau, client_for):
    laichau = unit("laichau")
    person = records.person(laichau, name="Lò Văn Lịch Sử")
    records.grant(person, "cstdcs", 2023)
    records.grant(laichau, "tt_ldxs", 2023)
    client = client_for(staff_laichau)
    unit_page = client.get(reverse("emulation:unit_awards", args=["laichau"])).content.decode()
    assert "Tập thể LĐXS" in unit_page and "Lò Văn Lịch Sử" in unit_page
    person_page = client.get(reverse("emulation:staff_detail", args=[person.pk])).content.decode()
    # Granted on 15/01/2024: 1,0 × the base salary of then, 1.800.000 đ.
    assert "CSTĐCS" in person_page and "1.800.000 đ" in person_page


def test_it_lists_decisions_in_a_constant_number_of_queries(records, unit, staff_laichau,
                                                            client_for):
    client = client_for(staff_laichau)
    url = reverse("emulation:decision_list")
    _decision(number="1/QĐ")
    small = queries_of(client, url)
    for n in range(2, 12):
        decision = _decision(number=f"{n}/QĐ")
        DecisionItem.objects.create(decision=decision, award_id="tt_ldtt", unit=unit("laichau"))
    assert queries_of(client, url) == small


def test_it_shows_a_decision_in_a_constant_number_of_queries(records, unit, staff_laichau,
                                                             client_for):
    laichau, client = unit("laichau"), client_for(staff_laichau)
    decision = _decision()
    url = reverse("emulation:decision_detail", args=[decision.pk])
    for person in records.people(laichau, 2):
        DecisionItem.objects.create(decision=decision, award_id="ldtt", unit=laichau,
                                    staff_member=person)
    small = queries_of(client, url)
    for person in records.people(laichau, 10):
        DecisionItem.objects.create(decision=decision, award_id="ldtt", unit=laichau,
                                    staff_member=person)
    assert queries_of(client, url) == small


def test_it_keeps_the_award_history_queries_independent_of_awards(records, unit, staff_laichau,
                                                                  client_for):
    laichau, client = unit("laichau"), client_for(staff_laichau)
    url = reverse("emulation:unit_awards", args=["laichau"])
    records.grant(laichau, "tt_ldtt", 2022)
    records.grant(records.person(laichau), "ldtt", 2022)
    small = queries_of(client, url)
    for year in (2023, 2024, 2025):
        records.grant(laichau, "tt_ldxs", year)
        for person in records.people(laichau, 3):
            records.grant(person, "cstdcs", year)
    assert queries_of(client, url) == small


def test_it_stores_the_decision_document(secretariat, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(secretariat).post(reverse("emulation:decision_create"), {
        "number": "7/QĐ-TTr", "date": "2024-12-20", "authority": "Chánh Thanh tra tỉnh",
        "method": "thematic", "year": 2024, "summary": "",
        "document": SimpleUploadedFile("qd.pdf", b"%PDF-1.4 demo", content_type="application/pdf"),
    })
    assert response.status_code == 302
    assert Decision.objects.get().document.name.endswith(".pdf")
