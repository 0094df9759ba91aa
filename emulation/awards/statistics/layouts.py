"""Row and column layouts of forms 0601.N, 0602.N and 0603.N (Thông tư 02/2023/TT-BNV).

Vietnamese labels are the forms' own wording, so they are data here, not translatable strings.
A row either counts everything (`key=None`: the total), one value of a breakdown
(`key=(dimension, value)`), or is a heading without figures (`heading=True`). Every breakdown
partitions the total, and column 1 is the sum of the other columns: the tests check both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    key: str | None  # None: the total column


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    key: tuple[str, str] | None = None
    heading: bool = False
    indent: int = 0


@dataclass(frozen=True)
class FormLayout:
    code: str  # "0601.N/BNV-TĐKT"
    short: str  # "0601"
    title: str
    unit_label: str
    column_group: str  # the heading over columns 2..n
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    @property
    def breakdowns(self) -> dict[str, list[Row]]:
        """Dimension → its rows (each dimension's rows add up to row 01)."""
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            if row.key is not None:
                groups.setdefault(row.key[0], []).append(row)
        return groups


LEVEL_COLUMNS = (
    Column(1, "Tổng số", None),
    Column(2, "Toàn quốc (Chính phủ, Thủ tướng Chính phủ phát động)", "national"),
    Column(3, "Bộ, ban, ngành, tỉnh", "ministry_province"),
    Column(4, "Cụm, khối thi đua", "cluster"),
    Column(5, "Cơ quan, đơn vị", "unit"),
)

FORM_0601 = FormLayout(
    code="0601.N/BNV-TĐKT",
    short="0601",
    title="SỐ PHONG TRÀO THI ĐUA",
    unit_label="Phong trào",
    column_group="Chia theo cấp phát động",
    columns=LEVEL_COLUMNS,
    rows=(
        Row("01", "Tổng số phong trào thi đua"),
        Row("", "Chia theo phạm vi", heading=True),
        Row("02", "Toàn quốc", ("scope", "national"), indent=1),
        Row("03", "Bộ, ban, ngành, tỉnh", ("scope", "ministry_province"), indent=1),
        Row("04", "Cụm, khối thi đua", ("scope", "cluster"), indent=1),
        Row("05", "Cơ quan, đơn vị", ("scope", "unit"), indent=1),
        Row("", "Chia theo thời gian thực hiện", heading=True),
        Row("06", "Dưới 1 năm", ("duration", "lt1"), indent=1),
        Row("07", "Từ 1 năm đến dưới 5 năm", ("duration", "1to5"), indent=1),
        Row("08", "Từ 5 năm trở lên", ("duration", "ge5"), indent=1),
        Row("09", "Không xác định thời hạn", ("duration", "open"), indent=1),
        Row("", "Chia theo hình thức tổ chức", heading=True),
        Row("10", "Thường xuyên", ("method", "regular"), indent=1),
        Row("11", "Theo chuyên đề, theo đợt", ("method", "thematic"), indent=1),
    ),
    notes=(
        "Mỗi phong trào được đếm một lần, theo cấp phát động (cột), phạm vi, "
        "thời gian thực hiện và hình thức tổ chức (dòng).",
    ),
)

# Individual recipients by leadership level, the categories of Thông tư 02/2023/TT-BNV.
LEADERSHIP_ROWS = (
    Row("", "Chia theo cấp lãnh đạo (cá nhân)", heading=True),
    Row("04", "Lãnh đạo cấp tỉnh, bộ và tương đương trở lên", ("leadership", "province"), indent=1),
    Row("05", "Lãnh đạo cấp sở và tương đương", ("leadership", "department"), indent=1),
    Row("06", "Lãnh đạo cấp phòng (phó phòng trở lên)", ("leadership", "division"), indent=1),
    Row("07", "Người trực tiếp công tác, lao động, sản xuất", ("leadership", "staff"), indent=1),
)
METHOD_ROWS = (
    Row("", "Chia theo phương thức khen thưởng", heading=True),
    Row("08", "Thường xuyên (theo công trạng và thành tích)", ("method", "regular"), indent=1),
    Row("09", "Theo chuyên đề", ("method", "thematic"), indent=1),
    Row("10", "Đột xuất", ("method", "ad_hoc"), indent=1),
    Row("11", "Đối ngoại", ("method", "foreign"), indent=1),
    Row("12", "Cống hiến", ("method", "dedication"), indent=1),
    Row("13", "Niên hạn", ("method", "seniority"), indent=1),
    Row("14", "Thành tích kháng chiến", ("method", "resistance"), indent=1),
)
AWARD_ROWS = (
    Row("01", "Tổng số"),
    Row("", "Chia theo đối tượng", heading=True),
    Row("02", "Tập thể", ("subject", "collective"), indent=1),
    Row("03", "Cá nhân", ("subject", "individual"), indent=1),
    *LEADERSHIP_ROWS,
    *METHOD_ROWS,
)
AWARD_NOTES = (
    "Dòng 04–07 chia số cá nhân (dòng 03) theo cấp lãnh đạo tại ngày quyết định; "
    "dòng 08–14 chia tổng số (dòng 01) theo phương thức khen thưởng.",
)

FORM_0602 = FormLayout(
    code="0602.N/BNV-TĐKT",
    short="0602",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    unit_label="Lượt",
    column_group="Chia theo hình thức khen thưởng",
    columns=(
        Column(1, "Tổng số", None),
        Column(2, "Huân chương", "huan_chuong"),
        Column(3, "Huy chương", "huy_chuong"),
        Column(4, "Danh hiệu vinh dự Nhà nước", "danh_hieu_nha_nuoc"),
        Column(5, "Chiến sĩ thi đua toàn quốc", "cstd_toanquoc"),
        Column(6, "Cờ thi đua của Chính phủ", "co_chinhphu"),
        Column(7, "Bằng khen của Thủ tướng Chính phủ", "bk_ttg"),
        Column(8, "Hình thức khác", "other"),
    ),
    rows=AWARD_ROWS,
    notes=AWARD_NOTES,
)

FORM_0603 = FormLayout(
    code="0603.N/BNV-TĐKT",
    short="0603",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, TỈNH",
    unit_label="Lượt",
    column_group="Chia theo hình thức khen thưởng",
    columns=(
        Column(1, "Tổng số", None),
        Column(2, "Cờ thi đua cấp bộ, ngành, tỉnh", "co"),
        Column(3, "Chiến sĩ thi đua cấp bộ, ngành, tỉnh", "cstd_bo"),
        Column(4, "Tập thể lao động xuất sắc", "tt_ldxs"),
        Column(5, "Bằng khen cấp bộ, ngành, tỉnh", "bang_khen"),
        Column(6, "Kỷ niệm chương", "knc"),
        Column(7, "Hình thức khác", "other"),
    ),
    rows=AWARD_ROWS,
    notes=AWARD_NOTES,
)

FORMS = (FORM_0601, FORM_0602, FORM_0603)


# Title/form codes (CONTRACT.md) → (form, column). Prefixes cover a family of codes.
AWARD_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("huan_chuong", "0602", "huan_chuong"),
    ("huy_chuong", "0602", "huy_chuong"),
    ("anh_hung", "0602", "danh_hieu_nha_nuoc"),
    ("danh_hieu_nha_nuoc", "0602", "danh_hieu_nha_nuoc"),
    ("cstd_toanquoc", "0602", "cstd_toanquoc"),
    ("co_chinhphu", "0602", "co_chinhphu"),
    ("bk_ttg", "0602", "bk_ttg"),
    ("co_", "0603", "co"),
    ("cstd_bo", "0603", "cstd_bo"),
    ("tt_ldxs", "0603", "tt_ldxs"),
    ("bk_", "0603", "bang_khen"),
    ("knc", "0603", "knc"),
)
LEVEL_FORMS = {"state": "0602", "ministry": "0603"}


def award_column(title_or_form_code: str, level: str | None = None) -> tuple[str, str] | None:
    """(form short code, column key) of a granted title or form, or None when it is neither
    state-level nor ministry/province-level (LĐTT, CSTĐCS, Giấy khen are not counted).

    `level` (the award's own "state" | "ministry" | "grassroots", when known) decides the form;
    a code of that level that no column names goes to "Hình thức khác"."""
    matched = next(
        ((form, key) for prefix, form, key in AWARD_COLUMNS if title_or_form_code.startswith(prefix)),
        None,
    )
    if level is None:
        return matched
    form = LEVEL_FORMS.get(level)
    if form is None:
        return None
    if matched is not None and matched[0] == form:
        return matched
    return (form, "other")
