"""The exports as `cluster_report` formats (registry.report_formats) and their document data.

`document_data` adds to the report JSON what a filed document needs and the JSON does not
carry: the cluster's name, the issuing body and place (the lead unit of that year) and the date.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from cum4.exports.docx import year_end_report
from cum4.exports.xlsx import cluster_workbook
from cum4.models import ClusterYear
from cum4.registry import ClusterLink, DemoLoader, registry
from cum4.view_helpers import XLSX_CONTENT_TYPE

CONTENT_TYPES = {
    "xlsx": XLSX_CONTENT_TYPE,
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def document_data(*, data: dict, cluster_year: ClusterYear) -> dict:
    """A copy of the cluster_report `data` with what a filed document needs: "cluster_name",
    and "document" (the header, signature and narrative the lead sets for the year, see
    `cum4.yearend.selectors.year_end_identity`). Not dated by the download: the date is the
    lead's, "…" until set."""
    from cum4.yearend.selectors import year_end_identity

    identity = year_end_identity(cluster_year=cluster_year)
    document = {
        "parent_body": identity.parent_body,
        "issuing_body": identity.issuing_body,
        "place": identity.place,
        "number": identity.number,
        "symbol": identity.symbol,
        "date": identity.date.isoformat() if identity.date else None,
        "signer_authority": identity.signer_authority,
        "signer_title": identity.signer_title,
        "signer_name": identity.signer_name,
        "recipients": identity.recipients,
        "author": identity.author,
        "narrative": identity.narrative,
    }
    return {
        **data,
        "cluster_name": cluster_year.cluster.name,
        "issuing_body": identity.issuing_body,
        "place": identity.place,
        "document": document,
    }


def write_xlsx(*, data: dict, cluster_year: ClusterYear, period: str, output: BinaryIO) -> None:
    cluster_workbook(data=document_data(data=data, cluster_year=cluster_year), output=output)


def write_docx(*, data: dict, cluster_year: ClusterYear, period: str, output: BinaryIO) -> None:
    year_end_report(data=document_data(data=data, cluster_year=cluster_year), output=output)


def _can_view(user, cluster_year) -> bool:
    return user.has_perm("cum4.view_cluster_year", cluster_year)


def _load_year_end_demo() -> None:
    from cum4.yearend import demo

    demo.load()


def register() -> None:
    registry.add_report_format("xlsx", write_xlsx)
    registry.add_report_format("docx", write_docx)
    registry.add_demo_loader(DemoLoader("year-end report 2022", _load_year_end_demo, order=400))
    # The dashboard among the pages of a cluster year.
    registry.add_cluster_link(
        ClusterLink(_("Dashboard"), "cum4:dashboard_cluster", order=5, visible=_can_view)
    )
