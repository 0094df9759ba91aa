"""The shared engine of the eligibility checks: the results, the facts a unit's rules read
(loaded once), and the checks every family uses (hand-checked conditions).

The families read it: `individual` (LĐTT, CSTĐCS), `streaks` (titles held in consecutive
years), `collective` (the unit's titles); `loading` reads the records once;
`emulation.awards.eligibility` puts them together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.utils.translation import gettext

from cum4.formatting import vn_number
from emulation.awards.models import Award, ConditionConfirmation, TitleRule
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    LeavePeriod,
    Rating,
    StaffAssignment,
    StaffMember,
)

MET, MISSED, NEEDS, PAUSED = "met", "missed", "needs", "paused"
# Individual titles a member holds that also count as LĐTT for the collective share.
LDTT_OR_ABOVE = frozenset(("ldtt", "cstdcs", "cstd_bo", "cstd_toanquoc"))
T = TypeVar("T")
HISTORY_YEARS = 10  # two 3-year awards, the award that consumed earlier years, a spare


@dataclass
class Check:
    """One condition: ok True/False when the app can tell, None when a person must confirm."""

    text: str
    ok: bool | None
    condition: str = ""  # the manual condition's text (the key of its confirmation)
    confirmation: ConditionConfirmation | None = None
    basis: str = ""  # the legal basis of the rule (shown on hover / in the "why" panel)
    hint: str = ""  # what the person can act on: missing years, members who break the rule


@dataclass
class TitleResult:
    award: Award
    checks: list[Check] = field(default_factory=list)
    awarded: bool = False  # already granted by a decision for the year
    hold: str = ""  # a complaint or denunciation under verification: "tạm dừng xét"

    @property
    def status(self) -> str:
        """PAUSED (tạm dừng xét) while a complaint is verified, whatever the conditions."""
        return PAUSED if self.hold else self.merit

    @property
    def merit(self) -> str:
        """What the conditions alone say (the LĐTT share of a unit reads this)."""
        merit = MET
        for check in self.checks:  # one pass: the unit's figures read every member's merit
            ok = check.ok
            if ok is False:
                return MISSED
            if ok is None:
                merit = NEEDS
        return merit

    @property
    def reasons(self) -> list[str]:
        """What stands in the way: failed conditions, else unconfirmed ones."""
        failed = [c.text for c in self.checks if c.ok is False]
        reasons = failed or [c.text for c in self.checks if c.ok is None]
        return [self.hold, *reasons] if self.hold else reasons


class TitleResults(Mapping[str, TitleResult]):
    """A person's titles, each worked out the first time it is read (the unit's figures read
    every member's LĐTT; a page of the staff table shows only its people's other titles).

    `compute(code, earlier)` works a title out; `earlier` holds only the titles before it in
    the display order, as when they were all worked out in that order.
    """

    def __init__(
        self, codes: list[str], compute: Callable[[str, Mapping[str, TitleResult]], TitleResult]
    ) -> None:
        self.codes, self._compute = codes, compute
        self._done: dict[str, TitleResult] = {}

    def __getitem__(self, code: str) -> TitleResult:
        result = self._done.get(code)
        if result is None:
            if code not in self.codes:
                raise KeyError(code)
            result = self._done[code] = self._compute(code, _Before(self, code))
        return result

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def evaluate_all(self) -> None:
        for code in self.codes:
            self[code]


class _Before(Mapping[str, TitleResult]):
    """The titles of `results` before `code` in the display order."""

    def __init__(self, results: TitleResults, code: str) -> None:
        self._results = results
        self._codes = results.codes[: results.codes.index(code)]

    def __getitem__(self, code: str) -> TitleResult:
        if code not in self._codes:
            raise KeyError(code)
        return self._results[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


@dataclass
class PersonEligibility:
    staff_member: StaffMember
    assignment: StaffAssignment
    rating: str | None
    results: Mapping[str, TitleResult]
    pending_complaint: bool = False

    @property
    def rating_label(self) -> str:
        return self.label_of(self.rating)

    @staticmethod
    def label_of(rating: str | None) -> str:
        return Rating(rating).label if rating else ""

    def holds_ldtt(self, awarded: set[str]) -> bool:
        """The one answer to "is this person LĐTT this year": granted (or a title above it),
        or every condition of the LĐTT rule met (time worked, discipline, rating…)."""
        result = self.results.get("ldtt")
        return not awarded.isdisjoint(LDTT_OR_ABOVE) or bool(result and result.merit == MET)


@dataclass
class NextYearEntry:
    staff_member: StaffMember
    award: Award
    text: str

def pct(value: Decimal) -> str:
    """68 → "68%", 69.2307 → "69,23%"."""
    rounded = value.quantize(Decimal("0.01"))
    decimals = 0 if rounded == rounded.to_integral() else 2
    return f"{vn_number(rounded, decimals)}%"


@dataclass
class Facts:
    """Everything the rules read, loaded once for a unit and a year."""

    ratings: dict[tuple[int, int], str]
    discipline: dict[int, list[DisciplinaryMeasure]]
    initiatives: dict[int, list[Initiative]]
    awarded: dict[tuple[int, int], set[str]]  # (person, year) → codes; person 0 = the unit
    confirmations: dict[tuple[str, int | None, str], ConditionConfirmation]
    service: dict[int, list[tuple[dt.date, dt.date]]] = field(default_factory=dict)
    leave: dict[int, list[LeavePeriod]] = field(default_factory=dict)
    spans: dict[str, int] = field(default_factory=dict)  # title → years one award covers
    memo: dict[object, object] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    def text(self, msgid: str) -> str:
        """gettext, remembered for the unit's evaluation (the language does not change within
        it): the same few sentences are translated for every person otherwise."""
        try:
            return self.texts[msgid]
        except KeyError:
            value = self.texts[msgid] = gettext(msgid)
            return value

    def label(self, choice: object) -> str:
        """A choice's label (a rating, a level), translated once."""
        return self.once(("label", type(choice).__name__, str(choice)), lambda: str(choice.label))

    def once(self, key: object, compute: Callable[[], T]) -> T:
        """What a rule makes of itself, the same for every person: worked out once per unit
        (a page of a hundred people otherwise repeats it a hundred times)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]  # type: ignore[return-value]


def manual_checks(rule: TitleRule, facts: Facts, person_id: int | None) -> list[Check]:
    """The rule's hand-checked conditions for a person (None: the unit), each with its
    confirmation; an unconfirmed one is the same check for everybody (checks are never
    changed once made), made once per unit."""
    checks = []
    for condition in facts.once(("manual", rule.id), rule.manual_condition_list):
        confirmation = facts.confirmations.get((rule.award_id, person_id, condition))
        if confirmation:
            checks.append(Check(condition, True, condition, confirmation, basis=rule.legal_basis))
        else:
            checks.append(facts.once(
                ("unconfirmed", rule.id, condition),
                lambda condition=condition: Check(condition, None, condition, None,
                                                  basis=rule.legal_basis)))
    return checks
