from __future__ import annotations

from cum4.reports.admin import register_section_admin
from inspections.indicators import ANTI_CORRUPTION, INSPECTIONS

register_section_admin(INSPECTIONS)
register_section_admin(ANTI_CORRUPTION)
