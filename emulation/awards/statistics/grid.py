"""A filled form as a printed table: its header cells (with their spans), the column-number
row and the body lines. The workbook and the web page both draw from this one model."""

from __future__ import annotations

from dataclasses import dataclass

from emulation.awards.statistics.counting import FilledForm
from emulation.awards.statistics.layouts import SUBJECT_LABELS, Row


@dataclass(frozen=True)
class Cell:
    text: str
    row: int  # 0-based within the header
    col: int  # 0-based table column (A = 0)
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Line:
    row: Row
    values: list[int] | None  # None: a heading row, no figures


@dataclass(frozen=True)
class Grid:
    fixed: int  # A, B, (C), 1
    width: int  # every table column
    depth: int  # header rows, without the column-number row
    header: list[Cell]
    numbering: list[Cell]
    lines: list[Line]

    @property
    def figures(self) -> int:
        """Columns of figures: column 1 and every leaf."""
        return self.width - self.fixed + 1

    def header_rows(self) -> list[list[Cell]]:
        return [[cell for cell in self.header if cell.row == level] for level in range(self.depth)]


def grid_of(form: FilledForm) -> Grid:
    layout, leaves = form.layout, form.leaves
    fixed_labels = ["", "Mã số", *(["Đơn vị tính"] if layout.has_unit_column else []),
                    layout.columns[0].label]
    fixed_numbers = ["A", "B", *(["C"] if layout.has_unit_column else []),
                     layout.columns[0].number_label]
    split_by_form = any(column.per_form for column in layout.columns)
    split_by_subject = any(column.subjects for column in layout.columns)
    depth = 2 + split_by_form + split_by_subject
    subject_level = depth - 1
    fixed = len(fixed_labels)
    header = [Cell(text, 0, col, rowspan=depth) for col, text in enumerate(fixed_labels)]
    header.append(Cell(layout.column_group, 0, fixed, colspan=len(leaves)))
    numbering = [Cell(text, 0, col) for col, text in enumerate(fixed_numbers)]
    for column in layout.columns[1:]:
        positions = [fixed + i for i, leaf in enumerate(leaves) if leaf.column == column.number]
        first, span = positions[0], len(positions)
        mine = [leaf for leaf in leaves if leaf.column == column.number]
        named = column.per_form and any(leaf.form for leaf in mine)
        bottom = 1 if named else (subject_level - 1 if column.subjects else depth - 1)
        header.append(Cell(column.label, 1, first, rowspan=bottom, colspan=span))
        numbering.append(Cell(column.number_label, 0, first, colspan=span))
        if named:
            groups: list[tuple[str, int, int]] = []
            for offset, leaf in enumerate(mine):
                if groups and groups[-1][0] == leaf.form_label:
                    label, start, count = groups[-1]
                    groups[-1] = (label, start, count + 1)
                else:
                    groups.append((leaf.form_label, first + offset, 1))
            form_rows = subject_level - 2 if column.subjects else depth - 2
            header.extend(Cell(label, 2, start, rowspan=form_rows, colspan=count)
                          for label, start, count in groups)
        if column.subjects:
            header.extend(Cell(SUBJECT_LABELS[leaf.subject], subject_level, first + offset)
                          for offset, leaf in enumerate(mine) if leaf.subject)
    lines = [Line(row, form.line(row)) for row in layout.rows]
    return Grid(fixed, fixed + len(leaves), depth, header, numbering, lines)
