from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cum4.yearend.models import YearEndReport


@admin.register(YearEndReport)
class YearEndReportAdmin(SimpleHistoryAdmin):
    list_display = ["cluster_year", "number", "symbol", "issued_on", "signer_name", "updated_at"]
    list_select_related = ["cluster_year__cluster"]
    readonly_fields = ["updated_at", "updated_by"]
