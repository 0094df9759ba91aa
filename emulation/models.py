"""Every model of the emulation app, gathered for Django from the features that own them.

Code reads a model from its feature (`emulation.awards.models`, …), not from here; the app
label stays `emulation`, so the tables keep their names.
"""

from emulation.awards.models import *  # noqa: F403
from emulation.dossier.models import Component, Dossier, SignedCopy  # noqa: F401
from emulation.movements.models import *  # noqa: F403
from emulation.scoring.models import *  # noqa: F403
from emulation.staff.models import (  # noqa: F401
    DisciplinaryMeasure,
    Initiative,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)
