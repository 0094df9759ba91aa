"""One module per topic (staff, awards, movements, pledges, scoring).

The contract's entry points are re-exported here: `from emulation.selectors import cash_reward`.
"""

from emulation.selectors.awards import cash_reward, pending_complaints

__all__ = ["cash_reward", "pending_complaints"]
