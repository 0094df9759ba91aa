"""Extension points that the apps fill in their AppConfig.ready(), so cum4 never imports them.

- `nav`: entries of the top navigation, each shown when its predicate admits the user.
- `demo_loaders`: steps of `manage.py load_demo`, run in order after the core's.
- `unit_tasks`: functions listing a unit's open tasks for its home page.
- `report_sections`: the sections of the quarterly report (filled by inspections, complaints).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation
    url_name: str
    order: int = 100
    visible: Callable[[Any], bool] = lambda user: True


@dataclass(frozen=True)
class Task:
    label: str
    url: str
    due: dt.date | None = None
    state: str = ""  # "late", "due", "returned", …: a CSS hint


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[..., None]
    order: int = 100


@dataclass
class Registry:
    nav: list[NavItem] = field(default_factory=list)
    demo_loaders: list[DemoLoader] = field(default_factory=list)
    unit_tasks: list[Callable[..., list[Task]]] = field(default_factory=list)
    report_sections: list[Any] = field(default_factory=list)

    def add_nav(self, item: NavItem) -> None:
        if all(existing.url_name != item.url_name for existing in self.nav):
            self.nav.append(item)
            self.nav.sort(key=lambda entry: entry.order)

    def add_demo_loader(self, loader: DemoLoader) -> None:
        if all(existing.name != loader.name for existing in self.demo_loaders):
            self.demo_loaders.append(loader)
            self.demo_loaders.sort(key=lambda entry: entry.order)

    def add_unit_tasks(self, provider: Callable[..., list[Task]]) -> None:
        if provider not in self.unit_tasks:
            self.unit_tasks.append(provider)


registry = Registry()
