"""Each component's Word file, written from its content (emulation.dossier.content) through
the ND 30 writer (cum4.exports.nd30)."""

from __future__ import annotations

import datetime as dt
import io

from cum4.exports import nd30


def _header(document, content: dict) -> None:
    head = content["header"]
    nd30.header(document, nd30.Header(
        parent_body=head["parent_body"], issuing_body=head["issuing_body"],
        symbol=head["symbol"], number=head["number"] or None, place=head["place"],
        date=dt.date.fromisoformat(head["date"]) if head["date"] else None))
    nd30.title(document, content["title"], content["subject"])


def _submission(document, content: dict) -> None:
    text = content["text"]
    nd30.paragraph(document, f"Kính gửi: {content['receiver']}.")
    nd30.paragraph(document, text["grounds"])
    nd30.paragraph(document, text["request"])
    rows = [[str(i), p["unit"], p["award"], p["total"], p["rank"],
             f"{p['votes']}/{content['members']} ({p['vote_share']})"]
            for i, p in enumerate(content["proposals"], 1)]
    nd30.table(document, ["TT", "Tập thể", "Hình thức đề nghị", "Tổng điểm", "Xếp hạng",
                          "Số phiếu bình xét"], rows, widths_mm=(10, 42, 45, 22, 18, 28), text_columns=3)
    if text["enclosed"]:
        nd30.paragraph(document, "Hồ sơ kèm theo: " + text["enclosed"])
    nd30.paragraph(document, "Kính đề nghị Thường trực Hội đồng xem xét, quyết định./.")
    signature = content["signature"]
    nd30.closing(document, recipients=content["recipients"], signature=nd30.Signature(
        authority=signature["authority"], title=signature["title"], name=signature["name"]))


def _minutes(document, content: dict) -> None:
    text, vote = content["text"], content["vote"]
    nd30.paragraph(document, f"Thời gian: ngày {text['held_on'] or '…'}. "
                             f"Địa điểm: {text['place'] or '…'}.")
    nd30.paragraph(document, f"Chủ trì: {text['chair'] or '…'}. Thư ký: {text['secretary'] or '…'}.")
    nd30.heading(document, "I. THÀNH PHẦN THAM DỰ")
    nd30.table(document, ["TT", "Đơn vị thành viên", "Vai trò", "Đại diện"],
               [[str(i), a["unit"], a["role"], a["representative"] or "…"]
                for i, a in enumerate(content["attendees"], 1)], widths_mm=(10, 55, 35, 65), text_columns=4)
    nd30.heading(document, "II. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG")
    nd30.table(document, ["Hạng", "Đơn vị", "Tổng điểm", "Số phiếu"],
               [[r["rank"], r["unit"], r["total"], r["votes"]] for r in content["ranking"]],
               widths_mm=(18, 77, 35, 35))
    groups = content["groups"]
    if groups:
        nd30.paragraph(document, "Điểm theo nhóm tiêu chí (" + "; ".join(
            f"N{index}: {name}" for index, name in enumerate(groups, 1)) + "):", italic=True)
        rest = (165 - 15 - 45) / len(groups)
        nd30.table(document, ["Hạng", "Đơn vị", *(f"N{i}" for i in range(1, len(groups) + 1))],
                   [[r["rank"], r["unit"], *r["groups"]] for r in content["ranking"]],
                   widths_mm=(15, 45, *([rest] * len(groups))))
    nd30.heading(document, "III. KẾT QUẢ BỎ PHIẾU BÌNH XÉT, SUY TÔN")
    nd30.paragraph(document, (
        f"Tổng số thành viên: {vote['members']}; số phiếu phát ra và thu về: {vote['ballots']}. "
        f"Ngưỡng suy tôn: {vote['threshold']}% tổng số thành viên ({vote['needed']}/"
        f"{vote['members']} phiếu)" + (f", theo {vote['legal_basis']}." if vote["legal_basis"] else ".")))
    nd30.table(document, ["TT", "Đơn vị được đề cử", "Số phiếu", "Tỷ lệ"],
               [[str(i), t["unit"], t["ballots"], t["share"]]
                for i, t in enumerate(vote["tally"], 1)], widths_mm=(10, 85, 35, 35))
    nd30.paragraph(document, "Kết quả: " + (f"{vote['winner']} đạt ngưỡng suy tôn."
                                            if vote["winner"] else "không đơn vị nào đạt ngưỡng."))
    nd30.heading(document, "IV. Ý KIẾN THẢO LUẬN VÀ KẾT LUẬN")
    nd30.paragraph(document, text["discussion"])
    nd30.paragraph(document, text["conclusion"])
    if content["proposals"]:
        nd30.table(document, ["TT", "Tập thể", "Hình thức đề nghị", "Tổng điểm", "Hạng"],
                   [[str(i), p["unit"], p["award"], p["total"], p["rank"]]
                    for i, p in enumerate(content["proposals"], 1)], widths_mm=(10, 50, 60, 25, 20), text_columns=3)
    nd30.paragraph(document, "Biên bản được thông qua tại cuộc họp, các thành viên nhất trí./.")
    left, right = content["signatures"]
    nd30.signatures(document, nd30.Signature(title=left["title"], name=left["name"]),
                    nd30.Signature(title=right["title"], name=right["name"]))


def _achievement(document, content: dict) -> None:
    text = content["text"]
    nd30.paragraph(document, f"Tên tập thể đề nghị: {content['unit']}", italic=False)
    nd30.heading(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
    nd30.heading(document, "1. Đặc điểm, tình hình")
    nd30.paragraph(document, text["profile"])
    nd30.heading(document, "2. Chức năng, nhiệm vụ")
    nd30.paragraph(document, text["functions"] or "…")
    nd30.heading(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    nd30.heading(document, f"1. Kết quả thực hiện nhiệm vụ năm {content['year']}")
    if not content["results_complete"]:
        nd30.paragraph(document, "(Số liệu từ các báo cáo quý đã được phê duyệt; chưa đủ bốn quý.)",
                       italic=True)
    areas: dict[str, list[dict]] = {}
    for row in content["results"]:
        areas.setdefault(row["area"], []).append(row)
    for letter, (area, rows) in zip("abcdefgh", areas.items(), strict=False):
        nd30.paragraph(document, f"{letter}) {area}", italic=True)
        nd30.table(document, ["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
                   [[str(i), r["label"], r["measure"], r["value"]] for i, r in enumerate(rows, 1)],
                   widths_mm=(10, 95, 28, 32), text_columns=3)
    if text["results_text"]:
        nd30.paragraph(document, text["results_text"])
    if content["targets"]:
        nd30.paragraph(document, f"Kết quả thực hiện giao ước thi đua ({content['pledge']}):")
        nd30.table(document, ["TT", "Chỉ tiêu giao ước", "Kết quả"],
                   [[str(i), t["target"], t["status"]] for i, t in enumerate(content["targets"], 1)],
                   widths_mm=(10, 120, 35), text_columns=3)
    if content["movements"]:
        nd30.paragraph(document, "Tham gia các phong trào thi đua:")
        for movement in content["movements"]:
            nd30.paragraph(document, f"- {movement['name']}: "
                                     f"{movement['results'] or movement['activities'] or '…'}")
    nd30.heading(document, "2. Các giải pháp công tác, đổi mới sáng tạo")
    nd30.paragraph(document, text["measures"] or "…")
    nd30.heading(document, "3. Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước")
    nd30.paragraph(document, text["policy"] or "…")
    nd30.heading(document, "4. Hoạt động của tổ chức đảng, đoàn thể")
    nd30.paragraph(document, text["party"] or "…")
    nd30.heading(document, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    for number, label, rows in ((1, "Danh hiệu thi đua", content["titles"]),
                                (2, "Hình thức khen thưởng", content["commendations"])):
        nd30.heading(document, f"{number}. {label}")
        if rows:
            nd30.table(document, ["Năm", label, "Số, ngày quyết định", "Cơ quan ban hành"],
                       [[r["year"], r["award"], r["decision"], r["authority"]] for r in rows],
                       widths_mm=(15, 60, 50, 40), text_columns=4)
        else:
            nd30.paragraph(document, "Không có trong hồ sơ khen thưởng của hệ thống.", italic=True)
    left, right = content["signatures"]
    nd30.signatures(document, nd30.Signature(title=left["title"], name=left["name"]),
                    nd30.Signature(title=right["title"], name=right["name"]))


def _pending(document, content: dict) -> None:
    nd30.paragraph(document, "Kính gửi: Trưởng Cụm thi đua.")
    nd30.paragraph(document, content["statement"])
    if content["pending"]:
        nd30.table(document, ["Loại đơn", "Đối tượng", "Số hiệu", "Ngày nhận", "Nội dung"],
                   [[p["kind"], p["against"], p["reference"], p["received_on"], p["summary"]]
                    for p in content["pending"]], widths_mm=(22, 35, 25, 25, 58), text_columns=5)
    if content["text"]["note"]:
        nd30.paragraph(document, content["text"]["note"])
    nd30.paragraph(document, "Đơn vị chịu trách nhiệm về nội dung báo cáo này./.")
    signature = content["signature"]
    nd30.closing(document, recipients=content["recipients"], signature=nd30.Signature(
        authority=signature["authority"], title=signature["title"], name=signature["name"]))


WRITERS = {"submission": _submission, "minutes": _minutes, "achievement": _achievement,
           "pending": _pending}


def component_docx(content: dict) -> bytes:
    """The Word file of one component's content."""
    document = nd30.new_document(properties=nd30.Properties(
        title=f"{content['title']} {content['subject']}".strip(),
        author=content["header"]["issuing_body"], subject=content["subject"]))
    _header(document, content)
    WRITERS[content["kind"]](document, content)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
