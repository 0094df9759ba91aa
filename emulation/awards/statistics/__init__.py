"""The yearly statistics of Thông tư 02/2023/TT-BNV: forms 0601.N, 0602.N and 0603.N.

`layouts` holds each form's rows and numbered columns, `counting` fills them from plain facts
(pure, unit-tested), `selectors` turns the records into facts, `workbook` writes the Excel file.
"""
