"""Admin registrations, one module per topic; imported here so Django's autodiscover sees them."""

from emulation.admin import (
    pledges,  # noqa: F401
    scoring,  # noqa: F401
    staff_awards,  # noqa: F401
)
