"""The data of the demo reports: the seed's 2022 cluster totals and each unit's profile.

The cluster's 2022 totals are the seed article's; how they are shared out is each unit's own
profile, so no two units look alike: their size (inspections, officials), the money and the
land their inspections find, the share of it they recover, their reception load and
petitions, their cases and how many they resolve, and on time. The profiles are invented
(demo data, not the provinces' real figures); only their sums are the seed's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cum4.reports.models import QuarterlyReport

State = QuarterlyReport.State


@dataclass(frozen=True)
class Profile:
    """A unit's shares (weights, relative to the other units) and its own rates in percent."""

    size: int  # inspections, subjects, sanctions, referrals
    money: int  # violations, recommended recovery, other measures, fines
    recovery: float  # % of the recommended money recovered
    land: int  # land in violation and recommended for recovery
    land_recovery: float  # % of the recommended land recovered
    reception: int  # reception turns, visitors, delegations, leaders' sessions
    petitions: int  # petitions received
    eligible: int  # petitions eligible, per 100 of the cluster's share
    cases: int  # new complaint and denunciation cases, KNTC amounts
    resolution: float  # % of the cases in jurisdiction resolved
    on_time: float  # % of the resolved cases resolved within the time limit
    officials: int  # anti-corruption: declarations, rotations, publicity checks
    violating: int  # % of the subjects inspected found in violation
    planned: int  # % of the new inspections that were planned
    concluded: int  # % of the open inspections concluded in a quarter
    quarters: tuple[int, int, int, int]  # how a year spreads over its quarters
    trend: int  # % change of the unit's share per year after 2022


PROFILES: dict[str, Profile] = {
    # A small remote province: few inspections, thorough recovery, quiet reception.
    "laichau": Profile(11, 9, 94.1, 8, 81.0, 9, 10, 104, 10, 90.5, 97.0, 10, 27, 72, 81,
                       (23, 25, 26, 26), 2),
    # A border-trade hub: the largest sums in violation, slower recovery, busy reception.
    "langson": Profile(17, 19, 86.3, 12, 64.0, 17, 16, 97, 17, 87.2, 91.0, 15, 33, 68, 78,
                       (24, 24, 25, 27), 4),
    # Mining and tourism: most land in violation, large inspections programme.
    "laocai": Profile(18, 22, 91.6, 24, 70.0, 14, 15, 101, 15, 89.6, 96.5, 16, 31, 70, 80,
                      (22, 26, 25, 27), 6),
    # The largest area: the heaviest reception load and the most petitions.
    "sonla": Profile(16, 15, 88.4, 19, 76.0, 19, 18, 94, 18, 86.1, 88.0, 18, 29, 74, 77,
                     (25, 25, 24, 26), 3),
    # Small, few violations found but a high resolution rate.
    "dienbien": Profile(10, 10, 83.0, 11, 58.0, 12, 12, 103, 11, 91.8, 95.0, 11, 25, 66, 83,
                        (23, 25, 25, 27), 1),
    # Mid-sized, recovers most of what it recommends; merged into Tuyên Quang in 2025.
    "hagiang": Profile(13, 11, 92.7, 13, 84.0, 15, 14, 100, 14, 88.0, 93.0, 13, 30, 71, 79,
                       (24, 26, 25, 25), -1),
    # Mid-sized, steady.
    "caobang": Profile(14, 14, 89.9, 14, 69.0, 13, 13, 99, 16, 87.0, 92.0, 14, 28, 69, 82,
                       (25, 24, 26, 25), 2),
    # Tuyên Quang after the 2025 merger with Hà Giang: a large new member.
    "tuyenquang": Profile(20, 18, 85.4, 21, 66.0, 21, 22, 102, 19, 88.8, 94.0, 21, 32, 73, 80,
                          (24, 25, 25, 26), 3),
}

# Which part of a profile shares out each split total.
FAMILY = {
    "insp_new": "size",
    "subjects_inspected": "size",
    "sanction_decisions": "size",
    "admin_handling_orgs": "size",
    "admin_handling_persons": "size",
    "referred_cases": "size",
    "policy_recommendations": "size",
    "violation_k": "money",
    "recovery_recommended_k": "money",
    "other_economic_k": "money",
    "sanction_k": "money",
    "recovered_k": "recovered",  # money × recovery
    "violation_land_m2": "land",
    "recovery_recommended_land_m2": "land",
    "recovered_land_m2": "land_recovered",  # land × land_recovery
    "reception_turns": "reception",
    "reception_persons": "reception",
    "crowd_delegations": "reception",
    "leader_reception_sessions": "reception",
    "petitions_received": "petitions",
    "petitions_eligible": "petitions_eligible",  # petitions × eligible
    "cases_new_complaint": "cases",
    "cases_new_denunciation": "cases",
    "kntc_recovery_complaint_k": "cases",
    "kntc_recovery_denunciation_k": "cases",
    "kntc_returned_complaint_k": "cases",
    "kntc_admin_complaint": "cases",
    "kntc_admin_denunciation": "cases",
    "kntc_referred_denunciation": "cases",
    "publicity_checks": "officials",
    "asset_declarations_required": "officials",
    "asset_verifications": "officials",
    "officials_rotated": "officials",
    "conduct_violations": "officials",
    "corruption_cases": "officials",
    "heads_held_responsible": "officials",
    "corruption_recovered_k": "officials",
}

# The cluster's years after the seed, as a factor of 2022 (before the units' own trends).
YEAR_FACTORS = {2022: 1.0, 2023: 1.04, 2024: 1.07, 2025: 1.03, 2026: 1.06}

# Cluster year totals of 2022 for the split flows. Money in thousands of đồng (so every
# amount is a round figure); "_k" marks them.
TOTALS = {
    "insp_new": 1650,
    "subjects_inspected": 7539,
    "violation_k": 100_350_000,
    "violation_land_m2": 49424,
    "recovery_recommended_k": 71_560_000,
    "recovery_recommended_land_m2": 9895,
    "other_economic_k": 15_000_000,
    "recovered_k": 64_203_632,  # 89,72% of 71.560.000 exactly
    "recovered_land_m2": 7120,
    "sanction_decisions": 1510,
    "sanction_k": 26_380_000,
    "admin_handling_orgs": 36,
    "admin_handling_persons": 453,
    "referred_cases": 12,
    "policy_recommendations": 60,
    "reception_turns": 10565,
    "reception_persons": 11377,
    "crowd_delegations": 48,
    "leader_reception_sessions": 180,
    "petitions_received": 14204,
    "petitions_eligible": 11301,
    "cases_new_complaint": 222,
    "cases_new_denunciation": 89,
    "kntc_recovery_complaint_k": 1_200_000,
    "kntc_recovery_denunciation_k": 400_000,
    "kntc_returned_complaint_k": 300_000,
    "kntc_admin_complaint": 20,
    "kntc_admin_denunciation": 35,
    "kntc_referred_denunciation": 4,
    "publicity_checks": 150,
    "asset_declarations_required": 5600,
    "asset_verifications": 70,
    "officials_rotated": 210,
    "conduct_violations": 6,
    "corruption_cases": 3,
    "heads_held_responsible": 2,
    "corruption_recovered_k": 850_000,
}
# Openings of Q1 2022 (cluster totals) and the year's resolutions (seed: 363 in, 321 done).
INSP_CARRIED_2022 = 252  # + 1.650 started = 1.902
CASES_CARRIED_2022 = {"complaint": 38, "denunciation": 14}  # + 222 + 89 new = 363
CASES_RESOLVED_2022 = {"complaint": 232, "denunciation": 89}  # = 321

# Reports with a special story in 2025/2026: (unit, year, quarter) → state / note.
WARNED = {
    ("laichau", 2025, 3): "Số đã thu hồi gồm cả các khoản kiến nghị năm 2024 chuyển sang.",
    ("sonla", 2026, 3): "Đã thu hồi dứt điểm các kiến nghị của các cuộc thanh tra năm 2025.",
}
STATES_2026_Q3 = {
    "laichau": State.APPROVED,
    "langson": State.APPROVED,
    "laocai": State.APPROVED,
    "sonla": State.SUBMITTED,
    "caobang": State.SUBMITTED,
    "tuyenquang": State.RETURNED,
    "dienbien": State.DRAFT,
}
RETURN_REASON = (
    "Mục C: số đơn đủ điều kiện xử lý chưa khớp với sổ theo dõi đơn thư; đề nghị rà soát, "
    "bổ sung số liệu và gửi lại."
)
DRAFTS_2026_Q4 = ("laichau", "langson")  # in progress: sections A and B only
LATE = {("caobang", 2023, 2), ("hagiang", 2024, 3), ("caobang", 2026, 2)}
