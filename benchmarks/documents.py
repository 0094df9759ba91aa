"""Time writing the cluster workbook and the Word report of a year (in process, run by hand)."""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)

import django

django.setup()

from cum4.registry import registry  # noqa: E402
from cum4.reports.selectors import cluster_report_data  # noqa: E402
from cum4.selectors import cluster_year_get  # noqa: E402


def main(cluster: str = "cum-iv", year: int = 2025) -> None:
    cluster_year = cluster_year_get(cluster_code=cluster, year=year)
    for fmt in ("xlsx", "docx"):
        best = None
        for _attempt in range(3):
            started = time.perf_counter()
            data = cluster_report_data(cluster_year=cluster_year, period="year")
            buffer = io.BytesIO()
            registry.report_formats[fmt](
                data=data, cluster_year=cluster_year, period="year", output=buffer
            )
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        print(f"{fmt}: {best * 1000:.0f} ms for {cluster} {year} ({len(buffer.getvalue())} bytes, "
              "data + rendering, best of 3)")


if __name__ == "__main__":
    main(*sys.argv[1:2], *(int(a) for a in sys.argv[2:3]))
