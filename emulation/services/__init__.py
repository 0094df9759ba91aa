"""One module per topic (staff, awards, movements, pledges, scoring)."""
