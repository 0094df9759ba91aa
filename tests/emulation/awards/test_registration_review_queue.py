"""The lead's home lists the registrations waiting for review beside the reports waiting for
approval, each linked to its page; the menu counts both; neither grows in queries with the
number of units."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cum4.models import ClusterYear, Membership, Unit, User
from emulation.awards.models import Registration
from tests.emulation.conftest import queries_of
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 4, 10, 3, 0, tzinfo=dt.UTC)  # 2026: Cao Bằng leads, Lai Châu deputises
State = Registration.State


def _registration(unit: Unit, year: int = 2026, state: str = State.SUBMITTED) -> Registration:
    signed = state != State.DRAFT
    return Registration.objects.create(
        unit=unit, year=year, state=state, signed_at=timezone.now() if signed else None
    )


def _group(html: str, title: str) -> str:
    """The list under `title` in the lead's queue."""
    return html.split(title, 1)[1].split("</section>", 1)[0]


@pytest.fixture
def lead(core, client_for):
    return client_for(User.objects.get(username="caobang.leader"))


@time_machine.travel(NOW)
def test_the_leads_home_lists_registrations_waiting_for_review_beside_the_reports(lead, unit):
    _registration(unit("sonla"))
    _registration(unit("dienbien"))
    _registration(unit("laocai"), state=State.DRAFT)  # not signed: not the lead's yet
    _registration(unit("hagiang"), year=2025, state=State.ACCEPTED)
    _registration(unit("sonla"), year=2023)  # 2023 is not led by Cao Bằng
    make_report(unit("laocai"), 2026, 1, "submitted", valid_values())
    html = lead.get("/").content.decode()
    assert "Báo cáo chờ phê duyệt" in html and "Đăng ký chờ xét duyệt" in html
    registrations = _group(html, "Đăng ký chờ xét duyệt")
    assert registrations.count("<li") == 2
    for code in ("sonla", "dienbien"):
        assert reverse("emulation:registration_detail", args=[code, 2026]) in registrations
    assert "Đăng ký thi đua năm 2026 của Thanh tra tỉnh Sơn La chờ xét duyệt" in registrations
    reports = _group(html, "Báo cáo chờ phê duyệt")
    assert reports.count("<li") == 1 and "Lào Cai" in reports


@time_machine.travel(NOW)
def test_an_accepted_registration_leaves_the_queue(lead, unit):
    sonla = _registration(unit("sonla"))
    _registration(unit("dienbien"))
    Registration.objects.filter(pk=sonla.pk).update(state=State.ACCEPTED)
    registrations = _group(lead.get("/").content.decode(), "Đăng ký chờ xét duyệt")
    assert registrations.count("<li") == 1 and "Điện Biên" in registrations


@time_machine.travel(NOW)
def test_the_menu_count_adds_the_registrations_waiting(lead, unit):
    _registration(unit("sonla"))
    _registration(unit("dienbien"))
    make_report(unit("laocai"), 2026, 1, "submitted", valid_values())
    badge = lead.get(reverse("cum4:review_count")).content.decode()
    assert 'data-testid="review-count">3<' in badge
    assert "Đăng ký chờ xét duyệt: 2" in badge and "Báo cáo chờ phê duyệt: 1" in badge
    # the review page the menu opens lists them under the same headings
    page = lead.get(reverse("cum4:review_queue")).content.decode()
    assert _group(page, "Đăng ký chờ xét duyệt").count("<li") == 2


@time_machine.travel(NOW)
def test_a_leader_who_leads_nothing_has_no_registration_queue(core, unit, client_for):
    _registration(unit("sonla"))
    other = client_for(User.objects.get(username="dienbien.leader"))
    assert "review-count" not in other.get(reverse("cum4:review_count")).content.decode()
    assert "Đăng ký chờ xét duyệt" not in other.get("/").content.decode()


def _more_members(count: int, start: int) -> None:
    """`count` more member units of the 2026 cluster year, each with a signed registration."""
    cluster_year = ClusterYear.objects.get(year=2026)
    for n in range(start, start + count):
        extra = Unit.objects.create(code=f"extra{n}", name=f"Thanh tra tỉnh Thử {n}",
                                    province=f"Thử {n}")
        Membership.objects.create(cluster_year=cluster_year, unit=extra)
        _registration(extra)


@time_machine.travel(NOW)
def test_the_queue_and_the_menu_count_cost_the_same_queries_when_units_double(lead, unit):
    _more_members(3, 0)
    lead.get("/")  # warm the caches a first page fills
    home, count = queries_of(lead, "/"), queries_of(lead, reverse("cum4:review_count"))
    _more_members(3, 3)  # twice as many registrations waiting
    assert queries_of(lead, "/") == home
    assert queries_of(lead, reverse("cum4:review_count")) == count
    assert 'data-testid="review-count">6<' in lead.get(reverse("cum4:review_count")).content.decode()


@time_machine.travel(NOW)
def test_the_unit_is_asked_to_correct_a_returned_registration(core, unit, client_for):
    Registration.objects.create(unit=unit("sonla"), year=2026, state=State.RETURNED,
                                return_reason="Thiếu danh hiệu cá nhân")
    tasks = client_for(User.objects.get(username="sonla.staff")).get("/").context["tasks"]
    returned = [task for task in tasks if task.state == "returned" and "registrations" in task.url]
    assert [task.label for task in returned] == [
        "Đăng ký thi đua năm 2026 bị trả lại: chỉnh sửa và ký gửi lại"
    ]


@time_machine.travel(NOW)
def test_a_signed_registration_is_no_longer_a_task_of_the_unit(core, unit, client_for):
    _registration(unit("sonla"))
    tasks = client_for(User.objects.get(username="sonla.staff")).get("/").context["tasks"]
    assert not [task for task in tasks if "registrations" in task.url]
