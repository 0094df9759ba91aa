"""The movements' models: movements and responses, the pledge, the cycle's deadlines."""

from emulation.movements.models.deadlines import CycleDeadline, StatisticsDeadline
from emulation.movements.models.movements import (
    Level,
    Movement,
    MovementEvidence,
    MovementResponse,
    MovementReview,
)
from emulation.movements.models.pledges import Comparator, ManualJudgement, Pledge, PledgeTarget

__all__ = [
    "Comparator",
    "CycleDeadline",
    "Level",
    "ManualJudgement",
    "Movement",
    "MovementEvidence",
    "MovementResponse",
    "MovementReview",
    "Pledge",
    "PledgeTarget",
    "StatisticsDeadline",
]
