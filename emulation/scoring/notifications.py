"""What scoring tells people through the core's notifications (`cum4.notifications`): a
phase opened by the lead, self-scoring and review to the member units' staff and leader, the
nomination vote to the member units' leaders (they cast the ballots).

The reminders of the phases' deadlines are in `emulation.scoring.reminders`; those of the
year-end award dossier in `emulation.dossier.reminders` (the room that knows when it is
complete).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import ClusterYear, User
from cum4.notifications import selectors as recipients
from cum4.notifications.models import Notification
from cum4.notifications.services import Message, notify
from emulation.scoring.models import ScoringRound

Phase = ScoringRound.Phase
PHASE_TEXTS = {
    Phase.SELF: _("Self-scoring %(year)s of %(cluster)s is open"),
    Phase.REVIEW: _("The review of the scores %(year)s of %(cluster)s has started"),
    Phase.VOTE: _("The nomination vote %(year)s of %(cluster)s is open: cast your unit's ballot"),
}


def phase_opened_notify(*, cluster_year: ClusterYear, phase: str, by: User | None) -> None:
    """Tell the member units that the lead moved the year's scoring to `phase`."""
    if phase not in PHASE_TEXTS:
        return
    units = list(cluster_year.memberships.values_list("unit_id", flat=True))
    if phase == Phase.VOTE:
        people, kind = recipients.unit_leaders(unit_ids=units), Notification.Kind.VOTE_OPENED
        url = reverse("emulation:vote", args=[cluster_year.cluster.code, cluster_year.year])
    else:
        people, kind = recipients.unit_people(unit_ids=units), Notification.Kind.PHASE_OPENED
        url = reverse(
            "emulation:scoring_year", args=[cluster_year.cluster.code, cluster_year.year]
        )
    notify(
        recipients=[person for person in people if by is None or person.pk != by.pk],
        kind=kind,
        message=Message(
            PHASE_TEXTS[phase], {"year": cluster_year.year, "cluster": cluster_year.cluster.name}
        ),
        url=url,
    )
