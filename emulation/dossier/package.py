"""The whole dossier as one zip, as the receiving office asks for it: each component in Word
(and in PDF when LibreOffice is installed), the signed copies, and a table of contents in
Excel with Vietnamese headers ("Muc-luc.xlsx")."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from cum4.formatting import vn_date
from emulation.dossier import content, pdf, word
from emulation.dossier.models import Component
from emulation.dossier.selectors import Checklist

STATE_LABELS = {"missing": "Chưa có", "drafted": "Dự thảo", "frozen": "Đã chốt",
                "signed": "Đã chốt, có bản ký"}
KIND_LABELS = {"submission": "Tờ trình đề nghị khen thưởng",
               "minutes": "Biên bản họp bình xét, suy tôn",
               "achievement": "Báo cáo thành tích",
               "pending": "Báo cáo về đơn thư khiếu nại, tố cáo"}
HEADERS = ["STT", "Thành phần hồ sơ", "Tập thể", "Số, ký hiệu", "Ngày văn bản", "Trạng thái",
           "Tệp Word", "Tệp PDF", "Bản ký, đóng dấu", "Ghi chú"]
NO_PDF = ("Không có bản PDF: máy chủ chưa cài LibreOffice; mở tệp Word và lưu thành PDF "
          "trước khi gửi.")


@dataclass
class Entry:
    component: Component
    unit: str
    docx_name: str
    docx: bytes
    content: dict


def _entries(checklist: Checklist) -> list[Entry]:
    entries = []
    for index, row in enumerate(checklist.rows):
        unit = row.dossier.unit.name if row.dossier.unit else ""
        slug = slugify(row.dossier.unit.code if row.dossier.unit else "cum")
        for component in row.components:
            data = content.assemble(component)
            name = f"{index:02d}-{slug}-{component.kind}.docx"
            entries.append(Entry(component, unit, name, word.component_docx(data), data))
    return entries


def dossier_zip(*, checklist: Checklist) -> bytes:
    """The zip of the year's dossier: Word files, PDF files (or a note why not), the signed
    copies under "ban-ky/" and the table of contents."""
    entries = _entries(checklist)
    pdfs = pdf.to_pdf({entry.docx_name: entry.docx for entry in entries})
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        signed: dict[int, list[str]] = {}
        for entry in entries:
            archive.writestr(f"word/{entry.docx_name}", entry.docx)
            if pdfs and entry.docx_name in pdfs:
                archive.writestr(f"pdf/{PurePath(entry.docx_name).stem}.pdf", pdfs[entry.docx_name])
            for copy in entry.component.signed_copies.all():
                name = f"ban-ky/{PurePath(entry.docx_name).stem}-{copy.pk}-{PurePath(copy.original_name).name}"
                with copy.file.open("rb") as handle:
                    archive.writestr(name, handle.read())
                signed.setdefault(entry.component.pk, []).append(name)
        archive.writestr("Muc-luc.xlsx", _toc(checklist, entries, pdfs, signed))
    return output.getvalue()


def _toc(checklist: Checklist, entries: list[Entry], pdfs: dict | None,
         signed: dict[int, list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Mục lục"
    sheet.append([f"MỤC LỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM {checklist.cluster_year.year} — "
                  f"{checklist.cluster_year.cluster.name.upper()}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, entry in enumerate(entries, 1):
        component = entry.component
        head = entry.content["header"]
        reference = f"{component.number}/{head['symbol']}" if component.number else ""
        pdf_name = ""
        if pdfs and entry.docx_name in pdfs:
            pdf_name = f"pdf/{PurePath(entry.docx_name).stem}.pdf"
        sheet.append([number, KIND_LABELS[component.kind], entry.unit or "Cụm thi đua",
                      reference, vn_date(component.issued_on) if component.issued_on else "",
                      STATE_LABELS[component.state], f"word/{entry.docx_name}", pdf_name,
                      "; ".join(signed.get(component.pk, [])),
                      "" if pdfs is not None else NO_PDF])
    if pdfs is None:
        sheet.append([])
        sheet.append([NO_PDF])
    for column, width in zip("ABCDEFGHIJ", (6, 38, 30, 18, 14, 18, 40, 40, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
