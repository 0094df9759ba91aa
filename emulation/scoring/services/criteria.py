"""Writes of criteria tables: the sample table, a year copied from the previous one, the
secretariat's edits and the Excel import (all-or-nothing, naming every bad row)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cum4.exports.tabular import Column, choice_decoder, read_back
from cum4.models import ClusterYear, User
from emulation.scoring.models import CriteriaGroup, CriteriaTable, Criterion, Score, TieBreakRule

SAMPLE_NAME = "Bảng tiêu chí mẫu (thay bằng bảng tiêu chí của Cụm)"
M = Criterion.Method

# group code, name, [(code, name, max, method, indicator, target, evidence)]
SAMPLE: list[tuple[str, str, list[tuple]]] = [
    ("thanh_tra", "Công tác thanh tra", [
        ("1.1", "Thực hiện kế hoạch thanh tra năm được phê duyệt", 10, M.MANUAL, "", None, True),
        ("1.2", "Tỷ lệ thu hồi tiền sai phạm qua thanh tra", 10, M.INDICATOR,
         "recovery_rate", 80, False),
        ("1.3", "Theo dõi, đôn đốc, kiểm tra việc thực hiện kết luận thanh tra", 5, M.MANUAL,
         "", None, False),
    ]),
    ("tiep_cong_dan", "Tiếp công dân, xử lý đơn, giải quyết KNTC", [
        ("2.1", "Tiếp công dân định kỳ, đột xuất đúng quy định", 5, M.YES_NO, "", None, False),
        ("2.2", "Tỷ lệ giải quyết khiếu nại, tố cáo thuộc thẩm quyền", 10, M.INDICATOR,
         "resolution_rate", 85, False),
        ("2.3", "Xử lý đơn thư đúng quy định, đúng thời hạn", 10, M.MANUAL, "", None, True),
    ]),
    ("phong_chong_tham_nhung", "Phòng, chống tham nhũng", [
        ("3.1", "Hướng dẫn, đôn đốc thực hiện các giải pháp phòng ngừa tham nhũng", 10,
         M.MANUAL, "", None, True),
        ("3.2", "Kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn", 10, M.MANUAL,
         "", None, False),
    ]),
    ("xay_dung_nganh", "Xây dựng ngành, đào tạo, cải cách hành chính", [
        ("4.1", "Đào tạo, bồi dưỡng công chức", 5, M.MANUAL, "", None, False),
        ("4.2", "Cải cách hành chính, ứng dụng công nghệ thông tin", 5, M.MANUAL, "", None,
         False),
        ("4.3", "Xây dựng Đảng, đoàn thể, cơ quan văn hóa", 5, M.MANUAL, "", None, False),
    ]),
    ("thi_dua", "Công tác thi đua, khen thưởng và hưởng ứng phong trào", [
        ("5.1", "Ký kết giao ước, đăng ký thi đua đúng hạn", 5, M.YES_NO, "", None, False),
        ("5.2", "Hưởng ứng các phong trào thi đua", 5, M.MANUAL, "", None, True),
        ("5.3", "Báo cáo công tác thi đua đầy đủ, đúng hạn", 5, M.MANUAL, "", None, False),
    ]),
    ("diem_thuong", "Điểm thưởng", [
        ("6.1", "Được cấp trên khen thưởng đột xuất trong năm", 3, M.BONUS, "", None, True),
        ("6.2", "Có mô hình, cách làm hay được nhân rộng", 3, M.BONUS, "", None, True),
    ]),
    ("diem_tru", "Điểm trừ", [
        ("7.1", "Chậm gửi báo cáo, số liệu theo yêu cầu của Cụm", 5, M.DEDUCTION, "", None,
         False),
        ("7.2", "Có công chức bị kỷ luật trong năm", 10, M.DEDUCTION, "", None, False),
    ]),
]
SAMPLE_BONUS_CAP = Decimal("5")
SAMPLE_TIE_BREAKS = ["thanh_tra", "tiep_cong_dan", "phong_chong_tham_nhung"]


def _require_secretariat(by: User) -> None:
    if not by.has_perm("emulation.manage_criteria"):
        raise PermissionDenied


def _refuse_if_scored(table: CriteriaTable) -> None:
    if Score.objects.filter(criterion__group__table=table).exists():
        raise ValidationError(
            _("Units have already scored against this table; edit its lines one by one instead.")
        )


@transaction.atomic
def criteria_table_create_sample(*, cluster_year: ClusterYear, by: User | None = None
                                 ) -> CriteriaTable:
    """Give the year the labelled sample table (100 points, bonus capped at 5, deductions).

    Refused when the year already has a table. `by` None is the demo loader.
    """
    if by is not None:
        _require_secretariat(by)
    if CriteriaTable.objects.filter(cluster_year=cluster_year).exists():
        raise ValidationError(_("This year already has a criteria table."))
    table = CriteriaTable(
        cluster_year=cluster_year, name=SAMPLE_NAME, is_sample=True, bonus_cap=SAMPLE_BONUS_CAP,
        note="Bảng mẫu do phần mềm cung cấp, không phải bảng tiêu chí chính thức của Cụm. "
             "Thư ký Cụm sửa hoặc thay thế trước khi các đơn vị tự chấm.",
    )
    table.full_clean()
    table.save()
    groups = {}
    for position, (code, name, lines) in enumerate(SAMPLE, start=1):
        group = CriteriaGroup(table=table, code=code, name=name, position=position)
        group.full_clean()
        group.save()
        groups[code] = group
        for line_pos, (c_code, c_name, maximum, method, indicator, target, evidence) in (
            enumerate(lines, start=1)
        ):
            criterion = Criterion(
                group=group, code=c_code.replace(".", "-"), name=f"{c_code}. {c_name}",
                position=line_pos, max_points=Decimal(maximum), method=method,
                indicator_code=indicator,
                target=Decimal(target) if target is not None else None,
                evidence_required=evidence,
            )
            criterion.full_clean()
            criterion.save()
    for position, code in enumerate(SAMPLE_TIE_BREAKS, start=1):
        TieBreakRule.objects.create(table=table, position=position, group=groups[code])
    return table


@transaction.atomic
def criteria_table_copy_previous(*, cluster_year: ClusterYear, by: User | None = None
                                 ) -> CriteriaTable:
    """Start the year's table as a copy of the latest earlier year's table of the cluster."""
    if by is not None:
        _require_secretariat(by)
    if CriteriaTable.objects.filter(cluster_year=cluster_year).exists():
        raise ValidationError(_("This year already has a criteria table."))
    source = (CriteriaTable.objects.filter(cluster_year__cluster=cluster_year.cluster,
                                           cluster_year__year__lt=cluster_year.year)
              .order_by("-cluster_year__year").first())
    if source is None:
        raise ValidationError(_("No earlier year of this cluster has a criteria table to copy."))
    table = CriteriaTable.objects.create(
        cluster_year=cluster_year, name=source.name, is_sample=source.is_sample,
        bonus_cap=source.bonus_cap, note=source.note,
    )
    mapping: dict[int, CriteriaGroup] = {}
    for group in source.groups.order_by("position", "id"):
        mapping[group.pk] = CriteriaGroup.objects.create(
            table=table, code=group.code, name=group.name, position=group.position)
    for criterion in Criterion.objects.filter(group__table=source).order_by("position", "id"):
        Criterion.objects.create(
            group=mapping[criterion.group_id], code=criterion.code, name=criterion.name,
            position=criterion.position, max_points=criterion.max_points,
            method=criterion.method, indicator_code=criterion.indicator_code,
            target=criterion.target, evidence_required=criterion.evidence_required,
            guidance=criterion.guidance,
        )
    for rule in source.tie_breaks.order_by("position"):
        TieBreakRule.objects.create(table=table, position=rule.position,
                                    group=mapping[rule.group_id])
    return table


@transaction.atomic
def criteria_table_update(*, table: CriteriaTable, name: str, bonus_cap: Decimal, note: str,
                          is_sample: bool, by: User) -> CriteriaTable:
    """Rename the table, change its bonus cap or drop its sample label."""
    _require_secretariat(by)
    table.name, table.bonus_cap, table.note, table.is_sample = name, bonus_cap, note, is_sample
    table.full_clean()
    table.save()
    return table


@transaction.atomic
def criteria_group_save(*, group: CriteriaGroup, by: User) -> CriteriaGroup:
    """Create or change a group of the table."""
    _require_secretariat(by)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def criterion_save(*, criterion: Criterion, by: User) -> Criterion:
    """Create or change a criterion (its scores keep their history)."""
    _require_secretariat(by)
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, by: User) -> None:
    """Remove a criterion nobody has scored yet."""
    _require_secretariat(by)
    if criterion.scores.exists():
        raise ValidationError(_("Units have scored this criterion; it cannot be deleted."))
    criterion.delete()


@transaction.atomic
def tie_breaks_set(*, table: CriteriaTable, groups: list[CriteriaGroup], by: User) -> None:
    """Replace the table's tie-break rules by `groups`, in order (first separates first)."""
    _require_secretariat(by)
    if len({g.pk for g in groups}) != len(groups):
        raise ValidationError(_("A group may appear only once among the tie-break rules."))
    table.tie_breaks.all().delete()
    for position, group in enumerate(groups, start=1):
        rule = TieBreakRule(table=table, position=position, group=group)
        rule.full_clean()
        rule.save()


# ---------------------------------------------------------------- spreadsheet

COLUMNS = ["group_code", "group_name", "code", "name", "max_points", "method",
           "indicator_code", "target", "evidence_required"]


def criteria_columns() -> list[Column]:
    """The criteria table's columns: Vietnamese headers and the method by its label; a file
    written with the codes as headers (and methods as codes) is read the same."""
    return [
        Column(_("Group code"), lambda c: c.group.code, width=10, code="group_code"),
        Column(_("Group"), lambda c: c.group.name, width=30, code="group_name"),
        Column(_("Criterion code"), lambda c: c.code, width=10, code="code"),
        Column(_("Criterion"), lambda c: c.name, width=50, code="name"),
        Column(_("Maximum points"), lambda c: c.max_points, width=10, code="max_points"),
        Column(_("Scoring method"), lambda c: c.get_method_display(), width=26, code="method",
               decode=choice_decoder(Criterion.Method.choices)),
        Column(_("Indicator"), lambda c: c.indicator_code, width=20, code="indicator_code"),
        Column(_("Target"), lambda c: c.target, width=10, code="target"),
        Column(_("Evidence required"), lambda c: "x" if c.evidence_required else "", width=10,
               code="evidence_required"),
    ]


def criteria_of_table(*, table: CriteriaTable) -> QuerySet[Criterion]:
    """The table's criteria in order, for the Excel file."""
    return (Criterion.objects.filter(group__table=table).select_related("group")
            .order_by("group__position", "position", "id"))


@dataclass
class ImportResult:
    groups: int
    criteria: int


def _decimal(value, *, required: bool) -> Decimal | None:
    if value in (None, ""):
        if required:
            raise InvalidOperation
        return None
    return Decimal(str(value).replace(",", "."))


@transaction.atomic
def criteria_table_import(*, table: CriteriaTable, rows: list[list], by: User) -> ImportResult:
    """Replace the table's groups and criteria by the spreadsheet rows (header first).

    All or nothing: every bad row is named in one ValidationError and nothing changes.
    Refused once units have scored against the table.
    """
    _require_secretariat(by)
    _refuse_if_scored(table)
    if rows:
        headers, body = read_back(rows, criteria_columns())
        rows = [headers, *body] if headers[: len(COLUMNS)] == COLUMNS else rows
    if not rows or [str(c or "").strip() for c in rows[0][: len(COLUMNS)]] != COLUMNS:
        raise ValidationError(_("The first row must be the header: %(columns)s.")
                              % {"columns": ", ".join(COLUMNS)})
    errors: list[str] = []
    parsed = []
    methods = set(Criterion.Method.values)
    for number, raw in enumerate(rows[1:], start=2):
        cells = [*list(raw), *[None] * len(COLUMNS)][: len(COLUMNS)]
        if all(c in (None, "") for c in cells):
            continue
        record = dict(zip(COLUMNS, cells, strict=True))
        try:
            record["max_points"] = _decimal(record["max_points"], required=True)
            record["target"] = _decimal(record["target"], required=False)
        except InvalidOperation:
            errors.append(_("Row %(row)s: max_points and target must be numbers.")
                          % {"row": number})
            continue
        record["method"] = str(record["method"] or "").strip()
        if record["method"] not in methods:
            errors.append(_("Row %(row)s: the method must be one of %(methods)s.")
                          % {"row": number, "methods": ", ".join(sorted(methods))})
            continue
        parsed.append((number, record))
    table.tie_breaks.all().delete()
    table.groups.all().delete()
    groups: dict[str, CriteriaGroup] = {}
    count = 0
    for number, record in parsed:
        code = str(record["group_code"] or "").strip()
        group = groups.get(code)
        try:
            if group is None:
                group = CriteriaGroup(table=table, code=code,
                                      name=str(record["group_name"] or "").strip(),
                                      position=len(groups) + 1)
                group.full_clean()
                group.save()
                groups[code] = group
            criterion = Criterion(
                group=group, code=str(record["code"] or "").strip(),
                name=str(record["name"] or "").strip(), position=count + 1,
                max_points=record["max_points"], method=record["method"],
                indicator_code=str(record["indicator_code"] or "").strip(),
                target=record["target"],
                evidence_required=str(record["evidence_required"] or "").strip().lower()
                in ("x", "1", "true", "yes", "có"),
            )
            criterion.full_clean()
            criterion.save()
            count += 1
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            errors.append(_("Row %(row)s: %(errors)s") % {"row": number, "errors": messages})
    if errors:  # raising inside the atomic block undoes the rows written above
        raise ValidationError(errors)
    return ImportResult(groups=len(groups), criteria=count)
