"""The indicator catalogue as the exports see it.

The reports package owns the dictionary (`cum4.reports.selectors.indicators()`, CONTRACT.md);
until it is merged the exports fall back to a copy of indicators.md so they can be built and
tested. The fallback goes once the reports package is in main.
"""

from __future__ import annotations

from dataclasses import dataclass

SECTIONS: dict[str, str] = {
    "A": "Thanh tra, kiểm tra",
    "B": "Tiếp công dân",
    "C": "Xử lý đơn thư",
    "D": "Giải quyết khiếu nại, tố cáo thuộc thẩm quyền",
    "E": "Phòng, chống tham nhũng",
}
RATE_CODES = frozenset({"recovery_rate", "resolution_rate", "on_time_rate"})


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    kind: str  # "opening" | "flow" | "derived"
    section: str  # "A".."E"


_FALLBACK: list[tuple[str, str, str, str, str]] = [
    ('insp_carried_over', 'Số cuộc kỳ trước chuyển sang', 'cuộc', 'opening', 'A'),
    ('insp_new', 'Số cuộc triển khai trong kỳ', 'cuộc', 'flow', 'A'),
    ('insp_planned', 'trong đó: theo kế hoạch', 'cuộc', 'flow', 'A'),
    ('insp_unplanned', 'trong đó: đột xuất', 'cuộc', 'flow', 'A'),
    ('insp_concluded', 'Số cuộc đã ban hành kết luận', 'cuộc', 'flow', 'A'),
    ('subjects_inspected', 'Số cá nhân, tổ chức được thanh tra, kiểm tra', 'cá nhân, tổ chức', 'flow', 'A'),
    ('subjects_violating', 'Số cá nhân, tổ chức có vi phạm', 'cá nhân, tổ chức', 'flow', 'A'),
    ('violation_vnd', 'Vi phạm về kinh tế: tiền (và tài sản quy thành tiền)', 'đồng', 'flow', 'A'),
    ('violation_land_m2', 'Vi phạm về kinh tế: đất', 'm²', 'flow', 'A'),
    ('recovery_recommended_vnd', 'Kiến nghị thu hồi về ngân sách nhà nước: tiền', 'đồng', 'flow', 'A'),
    ('recovery_recommended_land_m2', 'Kiến nghị thu hồi: đất', 'm²', 'flow', 'A'),
    ('other_economic_vnd', 'Kiến nghị xử lý khác về kinh tế (loại trừ, giảm trừ…)', 'đồng', 'flow', 'A'),
    ('recovered_vnd', 'Đã thu hồi về ngân sách: tiền', 'đồng', 'flow', 'A'),
    ('recovered_land_m2', 'Đã thu hồi: đất', 'm²', 'flow', 'A'),
    ('sanction_decisions', 'Số quyết định xử phạt vi phạm hành chính', 'quyết định', 'flow', 'A'),
    ('sanction_vnd', 'Số tiền xử phạt vi phạm hành chính', 'đồng', 'flow', 'A'),
    ('admin_handling_orgs', 'Kiến nghị xử lý hành chính: tổ chức', 'tổ chức', 'flow', 'A'),
    ('admin_handling_persons', 'Kiến nghị xử lý hành chính: cá nhân', 'cá nhân', 'flow', 'A'),
    ('referred_cases', 'Chuyển cơ quan điều tra: vụ', 'vụ', 'flow', 'A'),
    ('referred_persons', 'Chuyển cơ quan điều tra: đối tượng', 'đối tượng', 'flow', 'A'),
    ('policy_recommendations', 'Kiến nghị sửa đổi, bổ sung cơ chế, chính sách', 'văn bản', 'flow', 'A'),
    ('reception_turns', 'Số lượt tiếp công dân', 'lượt', 'flow', 'B'),
    ('reception_persons', 'Số người được tiếp', 'người', 'flow', 'B'),
    ('reception_cases', 'Số vụ việc được tiếp', 'vụ việc', 'flow', 'B'),
    ('crowd_delegations', 'Số đoàn đông người', 'đoàn', 'flow', 'B'),
    ('leader_reception_sessions', 'Số kỳ tiếp định kỳ, đột xuất của Thủ trưởng', 'kỳ', 'flow', 'B'),
    ('petitions_carried_over', 'Đơn kỳ trước chuyển sang', 'đơn', 'opening', 'C'),
    ('petitions_received', 'Đơn tiếp nhận trong kỳ', 'đơn', 'flow', 'C'),
    ('petitions_complaint', 'trong đó: khiếu nại', 'đơn', 'flow', 'C'),
    ('petitions_denunciation', 'trong đó: tố cáo', 'đơn', 'flow', 'C'),
    ('petitions_proposal', 'trong đó: kiến nghị, đề nghị, phản ánh', 'đơn', 'flow', 'C'),
    ('petitions_eligible', 'Đơn đủ điều kiện xử lý', 'đơn', 'flow', 'C'),
    ('petitions_in_jurisdiction', 'Đơn thuộc thẩm quyền', 'đơn', 'flow', 'C'),
    ('petitions_out_jurisdiction', 'Đơn không thuộc thẩm quyền (hướng dẫn, chuyển đơn, đôn đốc)', 'đơn', 'flow', 'C'),
    ('cases_carried_over', 'Vụ việc kỳ trước chuyển sang', 'vụ việc', 'opening', 'D'),
    ('cases_new', 'Vụ việc thuộc thẩm quyền phát sinh trong kỳ', 'vụ việc', 'flow', 'D'),
    ('cases_resolved', 'Đã giải quyết', 'vụ việc', 'flow', 'D'),
    ('cases_resolved_on_time', 'trong đó: đúng thời hạn', 'vụ việc', 'flow', 'D'),
    ('cases_withdrawn', 'trong đó: rút đơn', 'vụ việc', 'flow', 'D'),
    ('findings_correct', 'Kết quả: đúng', 'vụ việc', 'flow', 'D'),
    ('findings_partly_correct', 'Kết quả: có đúng, có sai', 'vụ việc', 'flow', 'D'),
    ('findings_incorrect', 'Kết quả: sai', 'vụ việc', 'flow', 'D'),
    ('kntc_recovery_vnd', 'Kiến nghị thu hồi cho Nhà nước', 'đồng', 'flow', 'D'),
    ('kntc_returned_vnd', 'Trả lại cho tổ chức, cá nhân', 'đồng', 'flow', 'D'),
    ('kntc_admin_handling_persons', 'Kiến nghị xử lý hành chính', 'người', 'flow', 'D'),
    ('kntc_referred_cases', 'Chuyển cơ quan điều tra', 'vụ', 'flow', 'D'),
    ('publicity_checks', 'Số cơ quan, đơn vị được kiểm tra việc công khai, minh bạch', 'đơn vị', 'flow', 'E'),
    ('asset_declarations_required', 'Số người phải kê khai tài sản, thu nhập', 'người', 'flow', 'E'),
    ('asset_declarations_done', 'Số người đã kê khai', 'người', 'flow', 'E'),
    ('asset_verifications', 'Số người được xác minh tài sản, thu nhập', 'người', 'flow', 'E'),
    ('officials_rotated', 'Số công chức chuyển đổi vị trí công tác', 'người', 'flow', 'E'),
    ('conduct_violations', 'Số người vi phạm quy tắc ứng xử', 'người', 'flow', 'E'),
    ('corruption_cases', 'Số vụ tham nhũng phát hiện', 'vụ', 'flow', 'E'),
    ('corruption_persons', 'Số đối tượng tham nhũng', 'người', 'flow', 'E'),
    ('heads_held_responsible', 'Người đứng đầu bị xử lý trách nhiệm', 'người', 'flow', 'E'),
    ('corruption_recovered_vnd', 'Tài sản tham nhũng đã thu hồi', 'đồng', 'flow', 'E'),
    ("insp_total", "Tổng số cuộc thanh tra, kiểm tra", "cuộc", "derived", "A"),
    ("recovery_rate", "Tỷ lệ thu hồi tiền", "%", "derived", "A"),
    ("cases_in_jurisdiction", "Tổng số vụ việc thuộc thẩm quyền", "vụ việc", "derived", "D"),
    ("resolution_rate", "Tỷ lệ giải quyết", "%", "derived", "D"),
    ("on_time_rate", "Tỷ lệ giải quyết đúng thời hạn", "%", "derived", "D"),
]


def export_indicators() -> list[Indicator]:
    """Every indicator in dictionary order then the derived codes (labels in the active
    language)."""
    try:
        from cum4.reports.selectors import indicators
    except ImportError:
        return [Indicator(*row) for row in _FALLBACK]
    return [
        Indicator(code=i.code, label=str(i.label), unit=str(i.unit), kind=i.kind, section=i.section)
        for i in indicators()
    ]


def is_rate(code: str) -> bool:
    return code in RATE_CODES
