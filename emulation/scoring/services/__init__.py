"""Writes of scoring: `criteria` (tables), `scores` (sheets, evidence, phases), `vote`."""
