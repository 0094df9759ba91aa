"""Emulation models, one module per topic; each is re-exported here for Django and callers."""
from emulation.models.movements import (  # noqa: F401
    Level,
    Movement,
    MovementEvidence,
    MovementResponse,
    MovementReview,
)
from emulation.models.pledges import Comparator, ManualJudgement, Pledge, PledgeTarget  # noqa: F401
