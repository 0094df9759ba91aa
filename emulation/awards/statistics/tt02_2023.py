"""Forms 0601.N, 0602.N and 0603.N/BNV-TĐKT of Thông tư 2/2023/TT-BNV (in force 10/05/2023).

Codes and labels are those of the reference `docs`: /work/shared/design/forms-tt02-2023.md
(copied for the tests to tests/emulation/awards/reference/forms-tt02-2023.md), quoted
character for character from the vendor's blank templates [T]. Where the reference flags an
obvious typo (its section 5, "Doubts" D1–D20), the layout takes its "most likely official
reading"; each such choice is marked `# D<n>` below and listed in the acceptance test.
"""

from __future__ import annotations

import datetime as dt

from emulation.awards.statistics.layouts import COLLECTIVE, INDIVIDUAL, Column, FormLayout, Row

VALID_FROM = dt.date(2023, 5, 10)
# D14: the registered number is "2/2023/TT-BNV" ([T] prints it so; [P]'s "02/2023" is the same).
LEGAL_BASIS = "Ban hành theo Thông tư số 2/2023/TT-BNV ngày 23/3/2023"
# D15 / [HY]: the thi đua, khen thưởng figures run from 01/12 of the previous year to 30/11.
WINDOW = {"window_from": (12, 1), "window_to": (11, 30), "receipt": (12, 15)}
BOTH = (COLLECTIVE, INDIVIDUAL)

FORM_0601 = FormLayout(
    code="0601.N/BNV-TĐKT",
    short="0601",
    title="SỐ PHONG TRÀO THI ĐUA",
    valid_from=VALID_FROM,
    legal_basis=LEGAL_BASIS,
    unit_label="Phong trào",
    column_group="Số phong trào thi đua chia theo cấp chủ trì phát động thi đua",
    columns=(
        Column(1, "Tổng số", None, numbering="1=(2+3+4)"),
        Column(2, "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)", "central"),
        Column(
            3,
            "Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương",
            "ministry_province",
        ),
        Column(4, "Cơ quan, tổ chức, đơn vị", "unit"),
    ),
    rows=(
        Row("01", "Tổng số", bold=True),
        Row("", "1. Chia theo phạm vi tổ chức thi đua", heading=True),  # D13: kept as printed
        Row("02", "- Toàn quốc", ("scope", "national")),
        Row("03", "- Bộ, ban, ngành đoàn thể, địa phương", ("scope", "ministry_province")),
        Row(
            "04",
            "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức",
            ("scope", "cluster"),
        ),
        Row("05", "- Cơ quan, tổ chức, đơn vị", ("scope", "unit")),
        Row("", "2. Chia theo thời hạn thi đua", heading=True),
        Row("06", "- Dưới 1 năm", ("duration", "lt1")),
        # D12: "1 năm" overlaps "Từ 1 năm…" at exactly one year; a one-year movement is 07.
        Row("07", "- 1 năm", ("duration", "1y")),
        Row("08", "- Từ 1 năm đến dưới 3 năm", ("duration", "1to3")),
        Row("09", "- Từ 3 năm đến dưới 5 năm", ("duration", "3to5")),
        Row("10", "- Từ 5 năm trở lên", ("duration", "ge5")),
        Row("", "3. Chia theo phương thức tổ chức phong trào thi đua", heading=True),
        Row("11", "- Thi đua theo chuyên đề", ("method", "thematic")),
        Row("12", "- Thi đua thường xuyên hàng năm", ("method", "regular")),
    ),
    partitions=(
        ("01", ("02", "03", "04", "05")),
        ("01", ("06", "07", "08", "09", "10")),
        ("01", ("11", "12")),
    ),
    **WINDOW,
)

# The recipients' rows shared by 0602 (codes 06–14) and 0603 (codes 02–10).
def _recipient_rows(codes: list[str]) -> tuple[Row, ...]:
    c = iter(codes)
    return (
        Row(next(c), "- Tập thể", ("subject", COLLECTIVE), unit="Tập thể"),
        Row(next(c), "Trong đó: Doanh nghiệp", ("collective_kind", "enterprise"), indent=1,
            unit="Doanh nghiệp"),
        Row(next(c), "- Hộ gia đình", ("subject", "household"), unit="Hộ"),
        Row(next(c), "- Cá nhân", ("subject", INDIVIDUAL), unit="Người"),
        Row(next(c), "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
            ("leadership", "province"), indent=1, unit="Người"),
        Row(next(c), "+ Lãnh đạo cấp vụ, sở, ngành và tương đương", ("leadership", "department"),
            indent=1, unit="Người"),
        Row(next(c), "+ Doanh nhân", ("leadership", "business"), indent=1, unit="Người"),
        Row(next(c), "+ Các cấp lãnh đạo khác từ phó phòng trở lên", ("leadership", "division"),
            indent=1, unit="Người"),
        Row(
            next(c),
            "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
            "(công nhân, nông dân,...)",
            ("leadership", "staff"),
            indent=1,
            unit="Người",
        ),
    )


def _method_rows(codes: list[str]) -> tuple[Row, ...]:
    c = iter(codes)
    return (
        Row(next(c), "- Thường xuyên", ("method", "regular")),
        Row(next(c), "- Chuyên đề", ("method", "thematic")),
        Row(next(c), "- Đột xuất", ("method", "ad_hoc")),
        Row(next(c), "- Đối ngoại", ("method", "foreign")),
        Row(next(c), "- Cống hiến", ("method", "dedication")),  # D16: no trailing full stop
        Row(next(c), "- Niên hạn", ("method", "seniority")),  # D19: filled (the vendor's [C]
        Row(next(c), "- Kháng chiến", ("method", "resistance")),  # left 20–21 always empty)
    )


def _codes(first: int, last: int) -> list[str]:
    return [f"{n:02d}" for n in range(first, last + 1)]


# D1/D2: 0602 keeps the vendor's gap after 03 (no rows 04–05: the official form may have two
# rows there we cannot see, so codes are not renumbered), padded to two digits as 0601, 0603
# and the forerunner 0702 [O] are: 01, 02, 03, 06 … 21.
FORM_0602 = FormLayout(
    code="0602.N/BNV-TĐKT",
    short="0602",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    valid_from=VALID_FROM,
    legal_basis=LEGAL_BASIS,
    column_group="Chia ra",
    columns=(
        Column(1, "Tổng số", None),  # D11: no arithmetic printed over column 1
        # D8: "Mỗi hình thức khen thưởng ghi riêng một cột": one Tập thể/Cá nhân pair per
        # medal actually counted (the template's four placeholders are examples); one
        # unnamed pair when none is.
        Column(2, "Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)",
               "medal", BOTH, per_form=True),
        Column(3, "Giải thưởng Hồ Chí Minh", "hcm_prize", (INDIVIDUAL,)),
        Column(4, "Giải thưởng Nhà nước", "state_prize", (INDIVIDUAL,)),
        Column(5, "Danh hiệu vinh dự nhà nước (Mỗi hình thức khen thưởng ghi riêng một cột)",
               "honour", BOTH, per_form=True),
        Column(6, "Cờ thi đua của Chính phủ", "co_chinhphu", (COLLECTIVE,)),  # D7: Tập thể
        Column(7, "Bằng khen của Thủ tướng Chính phủ", "bk_ttg", BOTH),
        Column(8, "Danh hiệu “Chiến sĩ thi đua Toàn quốc”", "cstd_toanquoc", (INDIVIDUAL,)),  # D9
        Column(9, "Các hình thức khen thưởng khác (Mỗi hình thức khen thưởng ghi riêng một cột)",
               "other", BOTH, per_form=True),
    ),
    rows=(
        Row("01", "Tổng số", bold=True),
        Row("", "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
            heading=True),
        Row("02", "- Bộ, ban, ngành, đoàn thể Trung ương", ("proposer", "ministry"),
            unit="Bộ, ngành"),
        # D17: "Tỉnh,TP" is written out as the forerunner 0702 [O] does.
        Row("03", "- Tỉnh, thành phố trực thuộc Trung ương", ("proposer", "province"),
            unit="Tỉnh, thành phố"),
        Row("", "2. Chia theo đối tượng khen thưởng", heading=True),
        *_recipient_rows(_codes(6, 14)),
        Row("", "3. Chia theo phương thức khen thưởng", heading=True),
        *_method_rows(_codes(15, 21)),
    ),
    # Group 1 (01 = 02 + 03) is not listed: it holds only once every decision records who sent
    # the proposal (tờ trình) to the Prime Minister (`Decision.proposer`); until then a note
    # under the form counts the awards not split (`selectors.proposer_note`).
    partitions=(
        ("01", ("06", "08", "09")),
        ("09", ("10", "11", "12", "13", "14")),
        ("01", tuple(_codes(15, 21))),
    ),
    subsets=(("07", "06"),),
    **WINDOW,
)

FORM_0603 = FormLayout(
    code="0603.N/BNV-TĐKT",
    short="0603",
    # D5: "TRỰC TRUNG ƯƠNG" lacks "THUỘC" (the forerunner 0703 [O] has it).
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
    "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    valid_from=VALID_FROM,
    legal_basis=LEGAL_BASIS,
    column_group="Chia ra",
    columns=(
        Column(1, "Tổng số", None),  # D11
        Column(2, "Bằng khen", "bang_khen"),
        Column(3, "Chiến sĩ thi đua cấp bộ, cấp tỉnh", "cstd_bo"),
        Column(4, "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
               "thuộc Trung ương", "co"),
        Column(5, "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
               "thành phố trực thuộc Trung ương", "huy_hieu"),
    ),
    rows=(
        Row("01", "Tổng số", bold=True),
        Row("", "1. Chia theo đối tượng khen thưởng", heading=True),  # D4: "đôi" → "đối"
        *_recipient_rows(_codes(2, 10)),
        # D3: the template numbers this heading "3." with no "2."; the forerunner 0703 has "2.".
        Row("", "2. Chia theo phương thức khen thưởng", heading=True),
        *_method_rows(_codes(11, 17)),
    ),
    partitions=(
        ("01", ("02", "04", "05")),
        ("05", ("06", "07", "08", "09", "10")),
        ("01", tuple(_codes(11, 17))),
    ),
    subsets=(("03", "02"),),
    **WINDOW,
)
