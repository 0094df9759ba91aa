"""Which form (0602 state level, 0603 ministry/province level) and column counts a granted
title or form of commendation, by its stable code (CONTRACT.md: "bk_ttg", "cstd_bo", …)."""

from __future__ import annotations

# (code prefix, form, column key), first match wins. 0602's "other" takes any other state-level
# award; 0603 has no such column, so a ministry-level award none of its columns names (the
# "Tập thể lao động xuất sắc" title) is not counted there and is listed as such.
AWARD_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("huan_chuong", "0602", "medal"),
    ("huy_chuong", "0602", "medal"),
    ("giai_thuong_hcm", "0602", "hcm_prize"),
    ("giai_thuong_nha_nuoc", "0602", "state_prize"),
    ("anh_hung", "0602", "honour"),
    ("danh_hieu_nha_nuoc", "0602", "honour"),
    ("nha_giao", "0602", "honour"),
    ("thay_thuoc", "0602", "honour"),
    ("nghe_si", "0602", "honour"),
    ("ba_me", "0602", "honour"),
    ("co_chinhphu", "0602", "co_chinhphu"),
    ("bk_ttg", "0602", "bk_ttg"),
    ("cstd_toanquoc", "0602", "cstd_toanquoc"),
    ("bk_", "0603", "bang_khen"),
    ("cstd_bo", "0603", "cstd_bo"),
    ("cstd_tinh", "0603", "cstd_bo"),
    ("co_", "0603", "co"),
    ("knc", "0603", "huy_hieu"),
    ("huy_hieu", "0603", "huy_hieu"),
)
LEVEL_FORMS = {"state": "0602", "ministry": "0603"}
OTHER = {"0602": "other"}


def award_column(code: str, level: str | None = None) -> tuple[str, str] | None:
    """(form short code, column key) of a granted title or form, or None when no column of
    0602 or 0603 counts it (grassroots awards: LĐTT, CSTĐCS, Giấy khen…).

    `level` (the award's own "state" | "ministry" | "grassroots", when known) decides the
    form: a state-level code that no column names goes to 0602's "other forms" column."""
    matched = next(
        ((form, key) for prefix, form, key in AWARD_COLUMNS if code.startswith(prefix)), None
    )
    if level is None:
        return matched
    form = LEVEL_FORMS.get(level)
    if form is None:
        return None
    if matched is not None and matched[0] == form:
        return matched
    return (form, OTHER[form]) if form in OTHER else None
