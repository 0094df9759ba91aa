"""Titles and their dated rules, registrations, commendation decisions and cash,
eligibility, the statutory statistics forms (0601–0603). Reads `cum4`, `emulation.staff`
and `emulation.movements`."""
