"""Demo year-end report of 2022: the lead's number, date, signer and narrative.

The assessment and the lessons follow the seed article (16/11/2022); the limitations, the
direction for 2023 and the proposals are written for the demo. The signer's name is a demo
name: the real head of Thanh tra tỉnh Lạng Sơn in 2022 is not taken from the article.
"""

from __future__ import annotations

import datetime as dt

from cum4.models import ClusterYear
from cum4.yearend.models import YearEndReport

SIGNER_2022 = "Nguyễn Văn An"

TEXTS_2022 = {
    "assessment": (
        "Nhìn chung, Lãnh đạo Thanh tra các tỉnh Cụm thi đua số IV tiếp tục quan tâm, chú "
        "trọng chỉ đạo triển khai thực hiện tốt các phong trào thi đua lớn gắn với thực hiện "
        "nhiệm vụ chính trị của ngành, qua đó nâng cao nhận thức của công chức và người lao "
        "động về mục đích, ý nghĩa và tầm quan trọng của các phong trào thi đua.\n"
        "Kế hoạch tổ chức hoạt động của Cụm được ban hành kịp thời, xác định rõ từng nội dung, "
        "thời gian thực hiện để các đơn vị chủ động triển khai."
    ),
    "limitations": (
        "Một số đơn vị gửi báo cáo quý chậm so với thời hạn; số liệu một số chỉ tiêu phải "
        "điều chỉnh sau khi gửi.\n"
        "Nguyên nhân: địa bàn rộng, đi lại khó khăn; đội ngũ làm công tác thi đua, khen thưởng "
        "kiêm nhiệm, thường xuyên thay đổi."
    ),
    "lessons": (
        "Thứ nhất, làm tốt hơn công tác tuyên truyền, vận động, nâng cao nhận thức của công "
        "chức, người lao động về vị trí, vai trò và tầm quan trọng của công tác thi đua, khen "
        "thưởng.\n"
        "Thứ hai, phải xác định được chủ đề, mục đích, ý nghĩa, hình thức, nội dung, tiêu chí "
        "của phong trào thi đua; kiên quyết chống bệnh hình thức.\n"
        "Thứ ba, thường xuyên quan tâm công tác đào tạo, bồi dưỡng, tập huấn nghiệp vụ cho đội "
        "ngũ công chức chuyên trách về công tác thi đua, khen thưởng.\n"
        "Thứ tư, việc bình xét các danh hiệu thi đua và đề nghị các hình thức khen thưởng bảo "
        "đảm nguyên tắc công khai, công bằng, dân chủ và kịp thời.\n"
        "Thứ năm, đẩy mạnh công tác kiểm tra, giám sát và giải quyết kịp thời việc khiếu nại, "
        "tố cáo về thi đua, khen thưởng."
    ),
    "next_year": (
        "Tiếp tục triển khai các phong trào thi đua do Thanh tra Chính phủ và Ủy ban nhân dân "
        "các tỉnh phát động, gắn với thực hiện nhiệm vụ chính trị năm 2023.\n"
        "Ký kết giao ước thi đua năm 2023 trước ngày 25 tháng 3; gửi báo cáo quý đúng thời hạn."
    ),
    "proposals": (
        "Đề nghị Thanh tra Chính phủ tiếp tục tổ chức tập huấn nghiệp vụ thi đua, khen thưởng "
        "cho công chức làm công tác thi đua của Thanh tra các tỉnh."
    ),
}


def load() -> None:
    """Upsert the 2022 year-end report of the demo cluster (idempotent)."""
    cluster_year = ClusterYear.objects.filter(cluster__code="cum-iv", year=2022).first()
    if cluster_year is None:
        return
    YearEndReport.objects.update_or_create(
        cluster_year=cluster_year,
        defaults={
            "parent_body": "Cụm thi đua số IV",
            "number": "25",
            "symbol": "BC-CTĐ",
            "issued_on": dt.date(2022, 11, 15),
            "place": "Lạng Sơn",
            "signer_title": "TRƯỞNG CỤM\nCHÁNH THANH TRA TỈNH LẠNG SƠN",
            "signer_name": SIGNER_2022,
            **TEXTS_2022,
        },
    )
