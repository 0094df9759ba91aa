"""The demo step of the staff register and awards: idempotent, and shows what it promises."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse

from cum4.models import Unit, User
from emulation.awards import demo as demo_staff
from emulation.awards.eligibility import MET, MISSED, unit_eligibility
from emulation.awards.models import Decision, Registration
from emulation.staff.models import StaffAssignment, StaffMember, YearlyRating


def _counts() -> tuple[int, ...]:
    from emulation.awards.models import DecisionItem, RegistrationItem

    return tuple(
        model.objects.count()
        for model in (StaffMember, StaffAssignment, YearlyRating, Decision, DecisionItem,
                      Registration, RegistrationItem)
    )


def test_it_loads_the_demo_twice_to_the_same_rows_and_every_page_renders(core, client_for):
    demo_staff.load()
    first = _counts()
    demo_staff.load()
    assert _counts() == first

    per_unit = dict(
        StaffAssignment.objects.filter(end__isnull=True)
        .values_list("unit__code").annotate(n=Count("staff_member", distinct=True))
    )
    assert per_unit.keys() >= {"laichau", "langson", "laocai", "sonla", "dienbien", "caobang",
                               "tuyenquang"}
    assert all(8 <= n <= 30 for n in per_unit.values())  # Tuyên Quang took Hà Giang's people
    assert set(YearlyRating.objects.values_list("year", flat=True)) == set(range(2022, 2027))
    assert {2022, 2023, 2024} <= set(Decision.objects.values_list("year", flat=True))

    caobang = Unit.objects.get(code="caobang")
    assert unit_eligibility(unit=caobang, year=2024).collective["tt_ldtt"].status == MISSED
    laichau = Unit.objects.get(code="laichau")
    result = unit_eligibility(unit=laichau, year=2024)
    assert any(p.results["cstd_bo"].status == MET for p in result.members)

    secretariat = client_for(User.objects.get(username="secretariat"))
    staff = client_for(User.objects.get(username="laichau.staff"))
    lead = client_for(User.objects.get(username="langson.leader"))
    person = StaffMember.objects.get(code="laichau-05")
    decision = Decision.objects.order_by("date").first()
    for client, url in [
        (staff, reverse("emulation:staff_home")),
        (secretariat, reverse("emulation:staff_home")),
        (staff, reverse("emulation:staff_list", args=["laichau"])),
        (staff, reverse("emulation:staff_list", args=["laichau"]) + "?former=1"),
        (staff, reverse("emulation:staff_detail", args=[person.pk])),
        (staff, reverse("emulation:registration_home")),
        (lead, reverse("emulation:registration_home") + "?year=2022"),
        (staff, reverse("emulation:registration_detail", args=["laichau", 2024])),
        (lead, reverse("emulation:registration_overview", args=["cum-iv", 2022])),
        (staff, reverse("emulation:decision_list")),
        (staff, reverse("emulation:decision_list") + "?year=2024"),
        (secretariat, reverse("emulation:decision_detail", args=[decision.pk])),
        (secretariat, reverse("emulation:decision_create")),
        (staff, reverse("emulation:eligibility", args=["laichau", 2024])),
        (staff, reverse("emulation:unit_awards", args=["laichau"])),
        (staff, reverse("cum4:home")),
    ]:
        assert client.get(url, follow=True).status_code == 200, url
