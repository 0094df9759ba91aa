"""The awards' models: titles and rules, registrations, decisions."""

from emulation.awards.models.decisions import Decision, DecisionItem
from emulation.awards.models.registrations import (
    ConditionConfirmation,
    Registration,
    RegistrationEvent,
    RegistrationItem,
)
from emulation.awards.models.titles import Award, BaseSalary, RewardMultiplier, TitleRule

__all__ = [
    "Award",
    "BaseSalary",
    "ConditionConfirmation",
    "Decision",
    "DecisionItem",
    "Registration",
    "RegistrationEvent",
    "RegistrationItem",
    "RewardMultiplier",
    "TitleRule",
]
