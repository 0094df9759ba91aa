"""The shell: home pages by role, a unit's workspace, a cluster year's pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from cum4 import selectors
from cum4.checklist import setup_checklist
from cum4.models import ClusterYear, Unit, User
from cum4.periods import NoReportingRule, periods_of_year
from cum4.permissions import require_perm
from cum4.registry import Task, registry
from cum4.view_helpers import get_cluster_year_or_404


def _get_unit_for_user(request: HttpRequest, code: str) -> Unit:
    unit = get_object_or_404(Unit, code=code)
    require_perm(request.user, "cum4.view_unit_workspace", unit)
    return unit




def _unit_tasks(user: User, unit: Unit) -> list[Task]:
    """The open tasks of the unit, none in a year it is not a member of any cluster (a unit
    that left the cluster has nothing due to it)."""
    today = timezone.localdate()
    if not selectors.unit_is_member_in(unit=unit, years={selectors.reporting_year_of(today), today.year}):
        return []
    tasks: list[Task] = []
    for provider in registry.unit_tasks:
        tasks.extend(provider(user=user, unit=unit, today=today))
    return sorted(tasks, key=lambda task: (task.due is None, task.due))


def home(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    year = selectors.reporting_year_of()
    context: dict = {"year": year}
    try:
        context["periods"] = [p for p in periods_of_year(year).values() if not p.is_derived]
    except NoReportingRule:
        context["periods"] = []
    context["today"] = timezone.localdate()
    if user.works_in_unit:
        context["unit"] = user.unit
        context["tasks"] = _unit_tasks(user, user.unit)
        led = selectors.led_cluster_years(user=user)
        context["led_cluster_years"] = [cy for cy in led if cy.year == year]
        if context["led_cluster_years"]:
            context["review_groups"] = selectors.review_groups(user=user, led=led)
        return render(request, "cum4/home_unit.html", context)
    if user.is_superuser or user.role == User.Role.SECRETARIAT:
        context["cluster_years"] = selectors.cluster_years_visible_to(user=user).filter(year=year)
        context["checklist"] = setup_checklist(year=year)
        return render(request, "cum4/home_secretariat.html", context)
    context["cluster_years"] = selectors.cluster_years_visible_to(user=user)
    return render(request, "cum4/home_viewer.html", context)


def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = _get_unit_for_user(request, code)
    return render(
        request,
        "cum4/unit_detail.html",
        {
            "unit": unit,
            "memberships": selectors.cluster_years_of_unit(unit=unit),
            "tasks": _unit_tasks(request.user, unit),
        },
    )


def _cluster_year_context(user: User, cluster_year: ClusterYear) -> dict:
    links = [
        (link.label, reverse(link.url_name, args=[cluster_year.cluster.code, cluster_year.year]))
        for link in registry.cluster_links
        if link.visible(user, cluster_year)
    ]
    return {
        "cluster_year": cluster_year,
        "memberships": selectors.memberships_of(cluster_year=cluster_year),
        "links": links,
        "other_years": selectors.cluster_years_visible_to(user=user).filter(
            cluster=cluster_year.cluster
        ),
    }


def cluster_year_detail(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_or_404(code, year)
    require_perm(request.user, "cum4.view_cluster_year", cluster_year)
    context = _cluster_year_context(request.user, cluster_year)
    context["leads"] = request.user.has_perm("cum4.lead_cluster_year", cluster_year)
    return render(request, "cum4/cluster_year_detail.html", context)


def cluster_year_lead(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The lead's page of a cluster year: the members and every tool of that year."""
    cluster_year = get_cluster_year_or_404(code, year)
    require_perm(request.user, "cum4.lead_cluster_year", cluster_year)
    return render(
        request, "cum4/cluster_year_lead.html", _cluster_year_context(request.user, cluster_year)
    )


def review_queue(request: HttpRequest) -> HttpResponse:
    """What waits for the user as cluster lead: reports to approve, registrations…"""
    return render(
        request, "cum4/review_queue.html", {"review_groups": selectors.review_groups(user=request.user)}
    )


def review_count(request: HttpRequest) -> HttpResponse:
    """The menu's badge: how many items wait for the lead (loaded after the page by htmx, so
    the menu drawn on every page costs no query)."""
    groups = selectors.review_groups(user=request.user)
    return render(
        request,
        "cum4/_review_count.html",
        {"count": sum(len(group.items) for group in groups), "groups": groups},
    )


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness for the container: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
