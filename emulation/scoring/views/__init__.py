"""Scoring pages: `sheets` (home, year, sheets, evidence), `criteria`, `vote` (vote, ranking,
finalising, complaints)."""
