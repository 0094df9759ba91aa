"""Extension points that the apps fill in their AppConfig.ready(), so cum4 never imports them.

- `nav`: entries of the top navigation, each shown when its predicate admits the user, at the
  top level or in one of the NAV_GROUPS drop-downs.
- `cluster_links`: the pages of a cluster year (status grid, dashboard, pledge, scoring, …),
  listed on the lead's page and the cluster year's page.
- `demo_loaders`: steps of `manage.py load_demo`, run in order after the core's.
- `unit_tasks`: functions listing a unit's open tasks for its home page.
- `report_sections`: the sections of the quarterly report (filled by inspections, complaints),
  each a `cum4.reports.sections.ReportSection`, kept in section-code order.
- `report_extras`: named additions to the cluster report data (`cluster_report_data`), each
  `fn(*, cluster_year, period) -> JSON-able | None` (None = left out).
- `report_formats`: named renderers of `manage.py cluster_report --format NAME`, each
  `fn(*, data, cluster_year, period, output: BinaryIO) -> None` ("json" is built in).
- `dashboard_panels`: extra panels of the cluster dashboard (pledge progress, …), each
  `fn(*, cluster_year, period, user) -> DashboardPanel | None`; a panel's template is included
  with its `context`. Keep each to a constant number of queries.
- `review_queues`: what waits for the cluster lead (submitted reports, registrations), each
  a `ReviewQueue`: a title and `fn(*, cluster_years) -> list[ReviewItem]` for the cluster
  years the user leads; shown under its title on the lead's home, counted in the menu. Keep
  each to one query.
- `cluster_year_reads`: what an app reads of almost every cluster year a page shows (its
  scoring round), joined into the query that looks the year up from the URL
  (`cum4.selectors.cluster_year_get`) instead of one query more on each page. Only for a
  cheap join: an annotated subquery costs the ORM more to build than a query of its own.
- `deadline_providers`: functions listing the deadlines people still have to meet, each
  `fn(*, today) -> Iterable[Deadline]`; `manage.py send_reminders` reminds the recipients
  before and after each (`cum4.notifications.reminders`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation
    url_name: str
    order: int = 100
    visible: Callable[[Any], bool] = lambda user: True
    group: str = ""  # a key of NAV_GROUPS: shown in that drop-down menu; "" = top level
    # A URL name answering a count badge, loaded after the page (no query on every page).
    badge_url_name: str = ""


# The drop-down menus of the top navigation (few entries at the top level keep it on one line).
NAV_GROUPS: dict[str, Any] = {
    "reports": _("Reports"),
    "emulation": _("Emulation and commendation"),
}


@dataclass(frozen=True)
class ClusterLink:
    """A page of one cluster year, listed on the lead's page: reversed with (code, year)."""

    label: Any
    url_name: str
    order: int = 100
    visible: Callable[[Any, Any], bool] = lambda user, cluster_year: True


@dataclass(frozen=True)
class Task:
    label: str
    url: str
    due: dt.date | None = None
    state: str = ""  # "late", "due", "returned", …: a CSS hint


@dataclass(frozen=True)
class ReviewItem:
    label: str
    url: str
    since: dt.datetime | None = None  # when it started waiting


@dataclass(frozen=True)
class ReviewQueue:
    title: Any  # a lazy translation: the heading of its list on the lead's home
    items: Callable[..., list[ReviewItem]]
    order: int = 100


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[..., None]
    order: int = 100


@dataclass(frozen=True)
class DashboardPanel:
    title: Any  # a lazy translation or text
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


@dataclass(frozen=True)
class ClusterYearRead:
    """`extend(queryset)` adds the read to the cluster year's query (select_related, annotate);
    `prime(cluster_year)` keeps the result where the app's selectors look for it."""

    name: str
    extend: Callable[[Any], Any]
    prime: Callable[[Any], Any] = lambda cluster_year: cluster_year


@dataclass(frozen=True)
class Deadline:
    """A date by which `recipients` still have to act (a report, a registration, a dossier).

    `key` names the duty and stays the same from day to day (the reminders of one day are
    recorded under it); `what` is a lazy text formatted with `params` in each recipient's
    language; `url` is the page where the duty is done.
    """

    key: str
    due: dt.date
    what: Any
    params: dict
    url: str
    recipients: tuple[Any, ...]


@dataclass
class Registry:
    nav: list[NavItem] = field(default_factory=list)
    cluster_links: list[ClusterLink] = field(default_factory=list)
    demo_loaders: list[DemoLoader] = field(default_factory=list)
    unit_tasks: list[Callable[..., list[Task]]] = field(default_factory=list)
    report_sections: list[Any] = field(default_factory=list)
    report_extras: dict[str, Callable[..., Any]] = field(default_factory=dict)
    report_formats: dict[str, Callable[..., None]] = field(default_factory=dict)
    dashboard_panels: list[Callable[..., DashboardPanel | None]] = field(default_factory=list)
    cluster_year_reads: list[ClusterYearRead] = field(default_factory=list)
    deadline_providers: list[Callable[..., Any]] = field(default_factory=list)
    review_queues: list[ReviewQueue] = field(default_factory=list)

    def add_nav(self, item: NavItem) -> None:
        if all(existing.url_name != item.url_name for existing in self.nav):
            self.nav.append(item)
            self.nav.sort(key=lambda entry: entry.order)

    def add_cluster_link(self, link: ClusterLink) -> None:
        if all(existing.url_name != link.url_name for existing in self.cluster_links):
            self.cluster_links.append(link)
            self.cluster_links.sort(key=lambda entry: entry.order)

    def add_demo_loader(self, loader: DemoLoader) -> None:
        if all(existing.name != loader.name for existing in self.demo_loaders):
            self.demo_loaders.append(loader)
            self.demo_loaders.sort(key=lambda entry: entry.order)

    def add_unit_tasks(self, provider: Callable[..., list[Task]]) -> None:
        if provider not in self.unit_tasks:
            self.unit_tasks.append(provider)

    def add_report_section(self, section: Any) -> None:
        """Register a section of the quarterly report (a `ReportSection`); one per code."""
        if all(existing.code != section.code for existing in self.report_sections):
            self.report_sections.append(section)
            self.report_sections.sort(key=lambda entry: entry.code)

    def add_report_extra(self, name: str, fn: Callable[..., Any]) -> None:
        """`fn(*, cluster_year, period)` adds `data[name]` to the cluster report unless None."""
        self.report_extras[name] = fn

    def add_report_format(self, name: str, fn: Callable[..., None]) -> None:
        """`fn(*, data, cluster_year, period, output)` writes the cluster report as `name`."""
        self.report_formats[name] = fn

    def add_dashboard_panel(self, provider: Callable[..., DashboardPanel | None]) -> None:
        """`provider(*, cluster_year, period, user)` returns a panel for the cluster dashboard."""
        if provider not in self.dashboard_panels:
            self.dashboard_panels.append(provider)

    def add_review_queue(
        self,
        provider: Callable[..., list[ReviewItem]],
        *,
        title: Any = None,
        order: int = 100,
    ) -> None:
        """`provider(*, cluster_years)` lists what waits for the lead, under `title`."""
        if all(queue.items != provider for queue in self.review_queues):
            self.review_queues.append(ReviewQueue(title or _("To review"), provider, order))
            self.review_queues.sort(key=lambda queue: queue.order)

    def add_cluster_year_read(self, read: ClusterYearRead) -> None:
        if all(existing.name != read.name for existing in self.cluster_year_reads):
            self.cluster_year_reads.append(read)

    def add_deadline_provider(self, provider: Callable[..., Any]) -> None:
        """`provider(*, today)` returns the pending `Deadline`s around `today`."""
        if provider not in self.deadline_providers:
            self.deadline_providers.append(provider)


registry = Registry()
