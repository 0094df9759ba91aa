"""Reads of the movements feature: `movements` (movements, responses, reviews, tasks),
`pledges` (the pledge matrix, report extra, dashboard panel), `deadlines`."""
