from __future__ import annotations

from complaints.indicators import PETITIONS, RECEPTION, RESOLUTION
from cum4.reports.admin import register_section_admin

register_section_admin(RECEPTION)
register_section_admin(PETITIONS)
register_section_admin(RESOLUTION)
