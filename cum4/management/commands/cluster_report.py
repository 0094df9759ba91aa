"""`manage.py cluster_report --year Y [--period P] [--cluster CODE] --format F [--output FILE]`.

Prints (or writes) a cluster's approved figures for a period. "json" is built in; other apps
add formats through `registry.add_report_format` (xlsx, docx).
"""

from __future__ import annotations

import io
import sys

from django.core.management.base import BaseCommand, CommandError

from cum4.models import Cluster
from cum4.periods import PERIOD_CODES
from cum4.registry import registry
from cum4.reports.selectors import cluster_report_data
from cum4.selectors import cluster_year_get


class Command(BaseCommand):
    help = "The approved figures of a cluster for a period (JSON by default on stdout)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", default="year", choices=PERIOD_CODES)
        parser.add_argument("--cluster", help="Cluster code; optional when there is one.")
        parser.add_argument("--format", default="json", help="json, or a registered format.")
        parser.add_argument("--output", help="File to write; standard output by default.")

    def handle(self, *args, year: int, period: str, cluster: str | None, **options) -> None:
        fmt, output = options["format"], options.get("output")
        writer = registry.report_formats.get(fmt)
        if writer is None:
            known = ", ".join(sorted(registry.report_formats))
            raise CommandError(f"Unknown format {fmt!r}; available: {known}.")
        if not cluster:
            codes = list(Cluster.objects.values_list("code", flat=True)[:2])
            if len(codes) != 1:
                raise CommandError("Give --cluster: there is not exactly one cluster.")
            cluster = codes[0]
        cluster_year = cluster_year_get(cluster_code=cluster, year=year)
        if cluster_year is None:
            raise CommandError(f"No cluster {cluster!r} in {year}.")
        data = cluster_report_data(cluster_year=cluster_year, period=period)
        if output:
            with open(output, "wb") as handle:
                writer(data=data, cluster_year=cluster_year, period=period, output=handle)
            self.stderr.write(f"Written {output}")
            return
        buffer = io.BytesIO()
        writer(data=data, cluster_year=cluster_year, period=period, output=buffer)
        if fmt == "json":
            self.stdout.write(buffer.getvalue().decode(), ending="")
        else:
            sys.stdout.buffer.write(buffer.getvalue())
