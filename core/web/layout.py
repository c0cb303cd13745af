"""A doctype's form layout: sections of columns of fields, from its Section and Column
Breaks (a form with neither is one section of two balanced columns)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.document import Document
from core.meta.doctype import DocField, DocTypeMeta


@dataclass
class Section:
    label: str
    columns: list[list[DocField]] = field(default_factory=lambda: [[]])


def form_layout(meta: DocTypeMeta) -> list[Section]:
    sections = [Section("")]
    explicit_columns = any(f.fieldtype == "Column Break" for f in meta.fields)
    for f in meta.fields:
        if f.fieldtype == "Section Break":
            sections.append(Section(f.label))
        elif f.fieldtype == "Column Break":
            sections[-1].columns.append([])
        elif not f.hidden:
            sections[-1].columns[-1].append(f)
    sections = [s for s in sections if any(s.columns)]
    if not explicit_columns:
        for section in sections:
            section.columns = _balance(section.columns[0])
    return sections


def _balance(fields: list[DocField]) -> list[list[DocField]]:
    """Short fields in two columns; tables and long text keep the full width."""
    wide = [f for f in fields if f.is_table or f.fieldtype in
            ("Text", "Long Text", "Text Editor", "JSON", "Small Text")]
    narrow = [f for f in fields if f not in wide]
    half = (len(narrow) + 1) // 2
    columns = [narrow[:half], narrow[half:]] if len(narrow) > 3 else [narrow]
    return [c for c in columns if c] + ([wide] if wide else [])


def shown_layout(sections: list[Section], doc: Document, editable: bool) -> list[Section]:
    """A document that can no longer be edited shows only what was filled in: empty
    fields, empty child tables and sections left with nothing are dropped."""
    if editable:
        return sections
    shown = []
    for section in sections:
        columns = [[f for f in column if _filled(doc, f)] for column in section.columns]
        columns = [c for c in columns if c]
        if columns:
            shown.append(Section(section.label, columns))
    return shown


def _filled(doc: Document, f: DocField) -> bool:
    if f.is_table:
        return bool(doc.children(f.fieldname))
    return doc.get(f.fieldname) not in (None, "")
