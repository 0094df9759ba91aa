"""Admin registrations, one module per topic; imported here so Django's autodiscover sees them."""
