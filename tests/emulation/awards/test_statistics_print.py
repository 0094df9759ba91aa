"""The statistics workbook as a Sở Nội vụ receives and prints it: each form's header block,
its table in the reference layout with zeros where nothing was counted, the signature block,
and A4 landscape one page wide with the table header repeated (openpyxl, then LibreOffice)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cum4.exports import verification
from cum4.models import User
from emulation.awards import demo as awards_demo
from emulation.movements import demo as demo_pledges

pytestmark = pytest.mark.django_db
FORMS = ("0601", "0602", "0603")


def _workbook(client, year: int = 2022, unit: str = ""):
    url = reverse("emulation:statistics_export", args=["cum-iv", year])
    response = client.get(url + (f"?unit={unit}" if unit else ""))
    assert response.status_code == 200
    return response.content


def _cells(sheet) -> list:
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_each_form_sheet_prints_a4_landscape_one_page_wide_with_header_rows_repeated(
    client_for, lead_2022, cluster_2022
):
    demo_pledges.load()
    book = load_workbook(io.BytesIO(_workbook(client_for(lead_2022))))
    for short in FORMS:
        sheet = book[short]
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and int(setup.paperSize) == 9, short
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
        numbering = next(i for i, row in enumerate(_rows(sheet), start=1) if row[0] == "A")
        first = numbering - (4 if short == "0602" else 2)
        assert sheet.print_title_rows == f"${first}:${numbering}", short
        assert sheet.page_margins.left <= 0.5 and sheet.page_margins.top <= 0.75
        assert verification.sheet_print_scale(sheet) >= 60, short


def test_each_form_has_the_reference_header_block_and_period(client_for, lead_2022, cluster_2022):
    demo_pledges.load()
    book = load_workbook(io.BytesIO(_workbook(client_for(lead_2022))))
    titles = {
        "0601": "SỐ PHONG TRÀO THI ĐUA",
        "0602": "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        "0603": "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ "
        "TRỰC THUỘC TRUNG ƯƠNG",
    }
    for short in FORMS:
        rows = _rows(book[short])
        assert rows[0][0] == f"Biểu số: {short}.N/BNV-TĐKT"
        assert rows[1][0] == "Ban hành theo Thông tư số 2/2023/TT-BNV ngày 23/3/2023"
        # D6: 0603 shows the day of receipt and the receiving unit too.
        assert (rows[2][0], rows[3][0]) == ("Ngày nhận báo cáo:", "Ngày 15 tháng 12 năm báo cáo")
        cells = _cells(book[short])
        assert "Đơn vị báo cáo: Cụm thi đua số IV" in cells
        assert "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)" in cells
        assert titles[short] in cells
        assert "Năm 2022" in cells and "Kỳ báo cáo: từ 01/12/2021 đến 30/11/2022" in cells
        assert ("Đơn vị tính: Phong trào" in cells) == (short == "0601")
        # Nothing but the form's own words: no internal code (snake_case) anywhere.
        assert not [c for c in cells if isinstance(c, str) and re.search(r"\b[a-z]+_[a-z_]+\b", c)]


def test_form_0602_prints_its_four_level_header_units_and_zero_rows(client_for, lead_2022, cluster_2022):
    book = load_workbook(io.BytesIO(_workbook(client_for(lead_2022))))
    rows = _rows(book["0602"])
    numbering = next(i for i, row in enumerate(rows) if row[0] == "A")
    header = [cell for row in rows[numbering - 4:numbering] for cell in row if cell]
    assert header[:5] == ["Mã số", "Đơn vị tính", "Tổng số", "Chia ra",
                          "Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)"]
    assert header.count("Tập thể") == 5 and header.count("Cá nhân") == 7  # D7: col 6 Tập thể
    # Column numbers over their leaves: 2 over two leaves, 3, 4, 5 over two, 6, 7 over two, …
    assert [c for c in rows[numbering] if c] == ["A", "B", "C", "1", "2", "3", "4", "5", "6",
                                                 "7", "8", "9"]
    body = rows[numbering + 1:]
    by_code = {row[1]: row for row in body if row[1]}
    assert list(by_code) == ["01", "02", "03", *[f"{n:02d}" for n in range(6, 22)]]
    assert by_code["03"][2] == "Tỉnh, thành phố" and by_code["08"][2] == "Hộ"
    for code, row in by_code.items():  # nothing counted: every figure is 0, never blank
        assert list(row[3:16]) == [0] * 13, code
    headings = [row[0] for row in body if row[0] and not row[1]][:3]
    assert headings == [
        "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
        "2. Chia theo đối tượng khen thưởng",
        "3. Chia theo phương thức khen thưởng",
    ]


def test_the_signature_block_names_the_unit_head_when_recorded(client_for, staff_laichau, core):
    leader = User.objects.get(username="laichau.leader")
    leader.position, leader.full_name = "Chánh Thanh tra tỉnh", "Lò Văn Minh"
    leader.save()
    book = load_workbook(io.BytesIO(_workbook(client_for(staff_laichau))))
    for short in FORMS:
        cells = _cells(book[short])
        assert "Đơn vị báo cáo: Thanh tra tỉnh Lai Châu" in cells
        assert "Lai Châu, ngày …… tháng …… năm ……" in cells
        assert "Người lập biểu" in cells and "(Ký, họ tên)" in cells
        assert "CHÁNH THANH TRA TỈNH LAI CHÂU" in cells and "(Ký, họ tên, đóng dấu)" in cells
        assert "Lò Văn Minh" in cells


def test_the_signature_block_leaves_a_dotted_line_without_a_recorded_head(client_for, staff_laichau):
    book = load_workbook(io.BytesIO(_workbook(client_for(staff_laichau))))
    cells = _cells(book["0601"])
    assert "CHÁNH THANH TRA TỈNH LAI CHÂU" in cells and "……………………………" in cells


def test_the_2023_forms_count_the_demo_awards_decided_from_december_to_november(
    client_for, lead_2022, cluster_2022
):
    """The demo's decisions for 2022 are dated 12/01/2023 and 20/02/2023: the 2023 report."""
    from cum4.models import ClusterYear
    from emulation.awards.statistics.selectors import statistics_for

    awards_demo.load()
    cluster_2023 = ClusterYear.objects.get(cluster__code="cum-iv", year=2023)
    forms = {f.layout.short: f for f in statistics_for(cluster_year=cluster_2023).forms}
    form = forms["0603"]
    # The Inspector General's 100/QĐ-TTCP (20/02/2023): Cờ thi đua TTCP to the 2022 lead,
    # Tập thể LĐXS (no column of 0603) to the runner-up; grassroots titles are not counted.
    assert form.value("01", 4) == 1 and form.value("02", 4) == 1
    assert form.value("01") == form.value("01", 4) + form.value("01", 2) + form.value("01", 3) + (
        form.value("01", 5)
    )
    assert any("Tập thể LĐXS" in label for label in form.uncounted)
    # The 2022 window (01/12/2021–30/11/2022) holds the COVID-19 decision 389/QĐ-TTCP of
    # 15/11/2022: Bằng khen to Lào Cai and Điện Biên and one person in each, thematic.
    older = {f.layout.short: f for f in statistics_for(cluster_year=cluster_2022).forms}["0603"]
    assert (older.value("01"), older.value("01", 2)) == (4, 4)
    assert (older.value("02"), older.value("05"), older.value("12")) == (2, 2, 4)


def _needs_libreoffice():
    if verification.libreoffice() is None:
        if os.environ.get("LIBREOFFICE_TESTS") == "1":
            pytest.fail("LIBREOFFICE_TESTS=1 but soffice/libreoffice is not on PATH")
        pytest.skip("LibreOffice is not installed")
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler's pdfinfo is not installed")


def _page_sizes(pdf) -> list[tuple[float, float]]:
    output = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                            text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", output)]


def test_libreoffice_prints_each_form_landscape_on_one_page_width(client_for, lead_2022, cluster_2022,
                                                                  tmp_path):
    _needs_libreoffice()
    demo_pledges.load()
    path = tmp_path / "thong-ke-2022.xlsx"
    path.write_bytes(_workbook(client_for(lead_2022)))
    pdf = verification.to_pdf(path)
    sizes = _page_sizes(pdf)
    texts = verification.page_texts(pdf)
    assert len(sizes) == len(texts) == verification.page_count(pdf)
    for width, height in sizes:  # A4 landscape: 842 × 595 points
        assert (round(width), round(height)) == (842, 595)
    # Each page belongs to the form whose "Biểu số:" last appeared; the list of counted
    # records comes last.
    owner, pages = None, {short: [] for short in FORMS}
    for text in texts:
        owner = next((short for short in FORMS if f"Biểu số: {short}.N/BNV-TĐKT" in text), owner)
        if "Nội dung được đếm" in text:
            break
        pages[owner].append(text)
    last_column = {"0601": "Cơ quan,", "0602": "Các hình thức", "0603": "Huy hiệu"}
    last_row = {"0601": "- Thi đua thường xuyên hàng năm", "0602": "- Kháng chiến",
                "0603": "- Kháng chiến"}
    for short in FORMS:
        assert 1 <= len(pages[short]) <= 2, short  # one page, two at most for a long form
        for text in pages[short]:
            # No column cut off: the rightmost column's header and number are on every page
            # (the header rows repeat).
            assert last_column[short] in text, short
            assert "Mã số" in text and re.search(r"\bA\s+B\b", text), short
        # The signature is never alone: it shares its page with the last rows of figures.
        closing = pages[short][-1]
        assert "Người lập biểu" in closing and last_row[short] in closing, short
    assert len(texts) <= 8


def test_the_day_of_receipt_and_receiver_come_from_the_deadline_rule(client_for, lead_2022, cluster_2022):
    from emulation.movements.models import StatisticsDeadline

    StatisticsDeadline.objects.update(due_day=20, receiver="Sở Nội vụ tỉnh Lạng Sơn")
    book = load_workbook(io.BytesIO(_workbook(client_for(lead_2022))))
    for short in FORMS:
        cells = _cells(book[short])
        assert "Ngày 20 tháng 12 năm báo cáo" in cells
        assert "Đơn vị nhận báo cáo: Sở Nội vụ tỉnh Lạng Sơn" in cells
