"""A proposed unit's pieces: its achievement report (báo cáo thành tích của tập thể) and its
statement on pending complaints and denunciations.

The achievement report follows the headings of the collective template of the emulation
decree (Mẫu số 02, Phụ lục I of Nghị định 98/2023/NĐ-CP, kept by Nghị định 152/2025/NĐ-CP:
the form number under 152/2025 is "cần xác nhận"): I. Sơ lược đặc điểm, tình hình; II. Thành
tích đạt được; III. Các hình thức đã được khen thưởng. The figures of II come from the unit's
APPROVED quarterly reports of the year; what the records cannot hold the unit writes.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cum4.formatting import vn_date, vn_figure
from cum4.reports.selectors import indicators, unit_period_figures
from emulation.awards.selectors import award_history
from emulation.dossier import law
from emulation.dossier.content.common import Part, award_names, header, leader_name, written_values
from emulation.movements.models import MovementResponse
from emulation.movements.selectors.pledges import MET, NOT_MET, pledge_matrix
from emulation.scoring.models import RankingProposal

TEMPLATE = ("Mẫu số 02, Phụ lục I Nghị định 98/2023/NĐ-CP (báo cáo thành tích của tập thể); "
            "số mẫu theo Nghị định 152/2025/NĐ-CP: cần xác nhận")
ACHIEVEMENT_SYMBOL = "BC-TTr"
PENDING_SYMBOL = "BC-TTr"
# The year's results the report shows, by area (indicators.md codes), in this order.
RESULT_AREAS: list[tuple[str, tuple[str, ...]]] = [
    ("Công tác thanh tra", ("insp_total", "insp_new", "insp_concluded", "violation_vnd",
                            "recovery_recommended_vnd", "recovered_vnd", "recovery_rate",
                            "admin_handling_persons", "referred_cases")),
    ("Tiếp công dân", ("reception_turns", "reception_persons", "reception_cases",
                       "crowd_delegations")),
    ("Xử lý đơn thư", ("petitions_received", "petitions_eligible", "petitions_in_jurisdiction")),
    ("Giải quyết khiếu nại, tố cáo", ("cases_in_jurisdiction", "cases_resolved",
                                      "resolution_rate", "on_time_rate")),
    ("Phòng, chống tham nhũng", ("asset_declarations_done", "asset_verifications",
                                 "corruption_cases", "corruption_recovered_vnd")),
]
STATUS = {MET: "Đạt", NOT_MET: "Không đạt"}


def achievement_parts(proposal: RankingProposal) -> list[Part]:
    unit = proposal.unit
    return [
        Part("profile", "I.1. Đặc điểm, tình hình (trụ sở, quá trình thành lập, tổ chức, "
                        "đặc điểm chính)",
             default=f"{unit.name} đóng tại tỉnh {unit.province}."),
        Part("functions", "I.2. Chức năng, nhiệm vụ"),
        Part("results_text", "II.1. Kết quả thực hiện nhiệm vụ (nhận xét thêm ngoài số liệu)"),
        Part("measures", "II.2. Các giải pháp công tác, đổi mới sáng tạo đã áp dụng"),
        Part("policy", "II.3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của "
                       "Nhà nước"),
        Part("party", "II.4. Hoạt động của tổ chức đảng, đoàn thể"),
        Part("signer", "Người ký (Thủ trưởng đơn vị)", multiline=False,
             default=leader_name(unit)),
    ]


def year_results(unit, year: int) -> tuple[list[dict], bool]:
    """The report's result rows from the unit's approved full-year figures, and whether all
    four quarters are approved."""
    figures = unit_period_figures(unit=unit, year=year, period="year")
    labels = {item.code: (str(item.label), str(item.unit)) for item in indicators()}
    rows = []
    for area, codes in RESULT_AREAS:
        for code in codes:
            if code not in labels:
                continue
            label, measure = labels[code]
            rows.append({"area": area, "code": code, "label": label, "measure": measure,
                         "value": vn_figure(figures.values.get(code), code)})
    return rows, figures.complete


def achievement_content(proposal: RankingProposal, written: dict) -> dict:
    unit, cluster_year = proposal.unit, proposal.cluster_year
    year = cluster_year.year
    parts = achievement_parts(proposal)
    text = written_values(parts, written)
    results, complete = year_results(unit, year)
    matrix = pledge_matrix(cluster_year=cluster_year)
    progress = next((row for row in matrix.rows if row.unit.pk == unit.pk), None)
    targets = [
        {"target": result.target.title, "status": STATUS.get(result.status, "Chưa đánh giá")}
        for result in (progress.results if progress else [])
    ]
    responses = (MovementResponse.objects.filter(unit=unit, movement__cluster_year=cluster_year)
                 .select_related("movement").order_by("movement__starts_on", "movement__name"))
    movements = [{"name": r.movement.name, "activities": r.activities, "results": r.results}
                 for r in responses]
    history = [
        {"year": str(item.decision.year), "award": item.award.name,
         "decision": f"{item.decision.number} ngày {vn_date(item.decision.date)}",
         "authority": item.decision.authority, "category": item.award.category}
        for item, _cash in award_history(unit=unit) if item.decision.year < year
    ]
    award = award_names({proposal.award_code}).get(proposal.award_code, proposal.award_code)
    return {
        "kind": "achievement",
        "year": year,
        "template": TEMPLATE,
        "header": header(parent_body="UBND tỉnh " + unit.province, issuing_body=unit.name,
                         symbol=ACHIEVEMENT_SYMBOL, place=unit.province),
        "title": "BÁO CÁO THÀNH TÍCH",
        "subject": f"Đề nghị tặng {award} năm {year}",
        "unit": unit.name,
        "text": text,
        "results": results,
        "results_complete": complete,
        "targets": targets,
        "pledge": matrix.pledge.theme if matrix.pledge else "",
        "movements": movements,
        "titles": [row for row in history if row["category"] == "title"],
        "commendations": [row for row in history if row["category"] != "title"],
        "signatures": [
            {"title": "XÁC NHẬN CỦA CẤP TRÊN\nTRỰC TIẾP", "name": ""},
            {"title": "THỦ TRƯỞNG ĐƠN VỊ\nCHÁNH THANH TRA TỈNH", "name": text["signer"]},
        ],
    }


def pending_parts(proposal: RankingProposal) -> list[Part]:
    return [
        Part("note", "Ghi chú thêm (nếu có)"),
        Part("signer", "Người ký (Thủ trưởng đơn vị)", multiline=False,
             default=leader_name(proposal.unit)),
    ]


def pending_content(proposal: RankingProposal, written: dict, on: dt.date | None = None) -> dict:
    unit, year = proposal.unit, proposal.cluster_year.year
    on = on or timezone.localdate()
    lines = law.pending_for(unit=unit, on=on)
    text = written_values(pending_parts(proposal), written)
    if lines:
        statement = (f"Tính đến ngày {vn_date(on)}, {unit.name} và cán bộ, công chức của đơn vị "
                     f"có {len(lines)} đơn khiếu nại, tố cáo đang được giải quyết, cụ thể như sau:")
    else:
        statement = (f"Tính đến ngày {vn_date(on)}, {unit.name} và cán bộ, công chức của đơn vị "
                     "không có đơn thư khiếu nại, tố cáo đang được giải quyết; đơn vị chấp hành "
                     "tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước.")
    return {
        "kind": "pending",
        "year": year,
        "header": header(parent_body="UBND tỉnh " + unit.province, issuing_body=unit.name,
                         symbol=PENDING_SYMBOL, place=unit.province),
        "title": "BÁO CÁO",
        "subject": "Về việc chấp hành chính sách, pháp luật và tình hình đơn thư khiếu nại, "
                   f"tố cáo của tập thể đề nghị khen thưởng năm {year}",
        "unit": unit.name,
        "as_of": vn_date(on),
        "statement": statement,
        "pending": [
            {"kind": line.kind, "against": line.person or unit.name, "reference": line.reference,
             "received_on": vn_date(line.received_on), "summary": line.summary}
            for line in lines
        ],
        "text": text,
        "recipients": ["- Trưởng Cụm thi đua;", "- Lưu: VT."],
        "signature": {"authority": "", "title": "CHÁNH THANH TRA", "name": text["signer"]},
    }
