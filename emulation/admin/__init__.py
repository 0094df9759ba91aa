"""Admin registrations, one module per topic; imported here so Django's autodiscover sees them."""
from emulation.admin import scoring  # noqa: F401
