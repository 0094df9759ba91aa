"""The yearly statistics of Thông tư 2/2023/TT-BNV: forms 0601.N, 0602.N and 0603.N.

`layouts` holds the layout types, `tt02_2023` the three forms as the circular prints them and
`catalogue` every known layout by date; `counting` fills a layout from plain facts (pure,
unit-tested), `selectors` turns the records into facts, `grid` lays a filled form out as a
table, `workbook` writes the Excel file and the page draws the same grid.
"""
