"""Cluster scoring, the nomination vote and the ranking (issue 5).

selectors (reads: sheets, totals, ranking, vote), services_* (writes), adapters (the other
parts this one reads through their contracts), demo, report_extra.
"""
