"""The cluster's pieces: the tờ trình (request) and the minutes of the review meeting, from
the scoring records (ranking, vote, proposals) — never typed twice."""

from __future__ import annotations

from django.utils import timezone

from cum4.formatting import vn_date, vn_number
from cum4.models import ClusterYear, Membership
from emulation.dossier.content.common import (
    Part,
    award_names,
    header,
    lead_unit,
    leader_name,
    share,
    written_values,
)
from emulation.scoring import selectors as scoring
from emulation.scoring.models import RankingProposal

SUBMISSION_SYMBOL = "TTr-CTĐ"
MINUTES_SYMBOL = "BB-CTĐ"
RECEIVER = "Thường trực Hội đồng Thi đua - Khen thưởng ngành Thanh tra"


def _issuer(cluster_year: ClusterYear, symbol: str) -> tuple[dict, str]:
    lead = lead_unit(cluster_year)
    issuing = lead.name if lead else ""
    return header(parent_body=cluster_year.cluster.name, issuing_body=issuing, symbol=symbol,
                  place=lead.province if lead else ""), leader_name(lead)


def proposal_rows(cluster_year: ClusterYear, ranking: scoring.Ranking,
                  proposals: list[RankingProposal]) -> list[dict]:
    """Each proposal with its form, total, rank and the ballots it received."""
    names = award_names({p.award_code for p in proposals})
    members = len(ranking.vote.members)
    rows = []
    for proposal in proposals:
        votes = ranking.vote.counts.get(proposal.unit_id, 0) if ranking.vote.closed else 0
        rows.append({
            "unit": proposal.unit.name,
            "unit_code": proposal.unit.code,
            "award_code": proposal.award_code,
            "award": names.get(proposal.award_code, proposal.award_code),
            "total": vn_number(proposal.total, 2) if proposal.total is not None else "–",
            "rank": str(proposal.rank or "–"),
            "votes": str(votes),
            "vote_share": share(votes, members),
            "pending": proposal.has_pending_complaint,
        })
    return rows


def submission_parts(cluster_year: ClusterYear) -> list[Part]:
    year = cluster_year.year
    return [
        Part("grounds", "Căn cứ", default=(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số "
            "152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen "
            "thưởng (cần xác nhận); Thông tư số 03/2024/TT-TTCP của Thanh tra Chính phủ quy định "
            f"công tác thi đua, khen thưởng ngành Thanh tra; Biên bản họp bình xét thi đua năm {year} "
            f"của {cluster_year.cluster.name}.")),
        Part("request", "Nội dung đề nghị", default=(
            f"{cluster_year.cluster.name} kính đề nghị Thường trực Hội đồng Thi đua - Khen thưởng "
            "ngành Thanh tra xem xét, trình Tổng Thanh tra Chính phủ khen thưởng cho các tập thể "
            "có tên dưới đây.")),
        Part("enclosed", "Hồ sơ kèm theo", default=(
            "Biên bản họp bình xét; báo cáo thành tích của các tập thể được đề nghị; văn bản xác "
            "nhận việc chấp hành chính sách, pháp luật và không có đơn thư khiếu nại, tố cáo đang "
            "giải quyết.")),
        Part("signer", "Người ký", multiline=False),
    ]


def submission_content(cluster_year: ClusterYear, written: dict) -> dict:
    ranking = scoring.ranking(cluster_year=cluster_year, with_previous=False)
    proposals = list(scoring.proposals_of(cluster_year=cluster_year))
    head, signer = _issuer(cluster_year, SUBMISSION_SYMBOL)
    parts = submission_parts(cluster_year)
    text = written_values(parts, written)
    return {
        "kind": "submission",
        "year": cluster_year.year,
        "header": head,
        "title": "TỜ TRÌNH",
        "subject": (f"Về việc đề nghị tặng Cờ thi đua của Thanh tra Chính phủ, Bằng khen của "
                    f"Tổng Thanh tra Chính phủ năm {cluster_year.year}"),
        "receiver": RECEIVER,
        "text": text,
        "proposals": proposal_rows(cluster_year, ranking, proposals),
        "members": len(ranking.vote.members),
        "recipients": [f"- {RECEIVER};", "- Các thành viên Cụm;", "- Lưu: VT."],
        "signature": {"authority": "TM. " + cluster_year.cluster.name, "title": "TRƯỞNG CỤM",
                      "name": text["signer"] or signer},
    }


def minutes_parts(cluster_year: ClusterYear, members: list, finalised) -> list[Part]:
    year = cluster_year.year
    lead = lead_unit(cluster_year)
    day = vn_date(timezone.localtime(finalised)) if finalised else ""
    parts = [
        Part("held_on", "Thời gian họp (ngày)", multiline=False, default=day),
        Part("place", "Địa điểm", multiline=False,
             default=f"Trụ sở {lead.name}" if lead else ""),
        Part("chair", "Chủ trì", multiline=False,
             default=f"{leader_name(lead)}, Trưởng cụm" if lead else ""),
        Part("secretary", "Thư ký cuộc họp", multiline=False),
    ]
    parts += [
        Part(f"attendee_{unit.code}", f"Đại diện {unit.name}", multiline=False,
             default=leader_name(unit))
        for unit in members
    ]
    parts += [
        Part("discussion", "Ý kiến thảo luận", default=(
            f"Các thành viên thống nhất kết quả chấm điểm, xếp hạng thi đua năm {year} theo Bảng "
            "tiêu chí của Cụm.")),
        Part("conclusion", "Kết luận", default=""),
    ]
    return parts


def minutes_content(cluster_year: ClusterYear, written: dict) -> dict:
    ranking = scoring.ranking(cluster_year=cluster_year, with_previous=False)
    vote = ranking.vote
    proposals = list(scoring.proposals_of(cluster_year=cluster_year))
    head, _signer = _issuer(cluster_year, "")
    parts = minutes_parts(cluster_year, vote.members, ranking.round.finalised_at)
    text = written_values(parts, written)
    winner = vote.winner
    members = len(vote.members)
    if not text["conclusion"]:
        text["conclusion"] = _conclusion(cluster_year, winner, proposals, ranking)
    roles = dict(Membership.objects.filter(cluster_year=cluster_year)
                 .values_list("unit_id", "role"))
    return {
        "kind": "minutes",
        "year": cluster_year.year,
        "header": {**head, "symbol": MINUTES_SYMBOL},
        "title": "BIÊN BẢN",
        "subject": f"Họp bình xét, suy tôn thi đua năm {cluster_year.year} của {cluster_year.cluster.name}",
        "text": text,
        "attendees": [
            {"unit": unit.name, "representative": text[f"attendee_{unit.code}"],
             "role": {"lead": "Trưởng cụm", "deputy": "Phó Trưởng cụm"}.get(roles.get(unit.pk), "Thành viên")}
            for unit in vote.members
        ],
        "groups": [group.name for group in ranking.groups],
        "ranking": [
            {"rank": str(row.rank), "unit": row.unit.name, "total": vn_number(row.total, 2),
             "groups": [vn_number(row.groups[g.code], 2) for g in ranking.groups],
             "votes": str(row.votes) if row.votes is not None else "–"}
            for row in ranking.rows
        ],
        "vote": {
            "closed": vote.closed,
            "members": str(members),
            "ballots": str(len(vote.voted_unit_ids)),
            "threshold": vn_number(vote.threshold_percent, 0),
            "needed": str(vote.needed),
            "legal_basis": vote.rule.legal_basis if vote.rule else "",
            "tally": [{"unit": unit.name, "ballots": str(count), "share": share(count, members)}
                      for unit, count in vote.tally],
            "winner": winner.name if winner else "",
        },
        "proposals": proposal_rows(cluster_year, ranking, proposals),
        "signatures": [
            {"title": "THƯ KÝ", "name": text["secretary"]},
            {"title": "CHỦ TRÌ\nTRƯỞNG CỤM", "name": text["chair"].split(",")[0]},
        ],
    }


def _conclusion(cluster_year: ClusterYear, winner, proposals: list, ranking) -> str:
    vote = ranking.vote
    if not vote.closed:
        return "Cuộc bỏ phiếu chưa kết thúc."
    lines = []
    if winner:
        ballots = vote.counts.get(winner.pk, 0)
        lines.append(
            f"{winner.name} đạt {ballots}/{len(vote.members)} phiếu "
            f"({share(ballots, len(vote.members))}), đạt ngưỡng {vn_number(vote.threshold_percent, 0)}% "
            f"tổng số thành viên; Cụm thống nhất suy tôn {winner.name} dẫn đầu phong trào thi đua "
            f"năm {cluster_year.year}, đề nghị tặng Cờ thi đua của Thanh tra Chính phủ.")
    else:
        lines.append(f"Không đơn vị nào đạt ngưỡng {vn_number(vote.threshold_percent, 0)}% "
                     "tổng số thành viên.")
    merit = [p.unit.name for p in proposals if p.award_code != "co_ttcp"]
    if merit:
        lines.append("Đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ cho: "
                     + ", ".join(merit) + ".")
    return " ".join(lines)
