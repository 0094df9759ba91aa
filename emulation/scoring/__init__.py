"""Cluster scoring: criteria tables, scores and evidence, phases, the nomination vote, the
ranking, finalising, proposals, complaints about results. Reads every feature below it.

models (criteria, scores, results), selectors (sheets, totals, ranking), services (criteria,
scores, vote), views (sheets, criteria, vote), adapters (what it reads of the others),
demo, report_extra, tasks.
"""
