"""Emulation models, one module per topic; each is re-exported here for Django and callers."""

from emulation.models.awards import *  # noqa: F403
from emulation.models.movements import (  # noqa: F401
    Level,
    Movement,
    MovementEvidence,
    MovementResponse,
    MovementReview,
    StatisticsDeadline,
)
from emulation.models.pledges import Comparator, ManualJudgement, Pledge, PledgeTarget  # noqa: F401
from emulation.models.scoring import *  # noqa: F403
from emulation.models.staff import *  # noqa: F403
