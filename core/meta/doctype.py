"""DocType metadata as frozen values.

A doctype is data: the engine builds its table, validation, API and views from a
``DocTypeMeta``. Modules declare them as plain dicts (see ``doctype_from_dict``); tenants
create them at run time as rows of the ``DocType`` doctype.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from core.errors import MetaError
from core.meta.fieldtypes import FIELD_TYPES, LAYOUT_TYPES

FIELDNAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,60}$")
DOCTYPE_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 _-]{0,60}$")

# Columns every document table has; a field may not reuse these names.
STANDARD_COLUMNS = ("tenant_id", "name", "owner", "creation", "modified", "modified_by",
                    "docstatus", "idx")
CHILD_COLUMNS = ("parent", "parenttype", "parentfield")
RESERVED_FIELDNAMES = frozenset(STANDARD_COLUMNS + CHILD_COLUMNS + ("doctype", "amended_from"))

RIGHTS = ("read", "write", "create", "delete", "submit", "cancel")


@dataclass(frozen=True)
class DocField:
    fieldname: str
    fieldtype: str
    label: str = ""
    options: str = ""
    reqd: bool = False
    default: Any = None
    read_only: bool = False
    hidden: bool = False
    in_list_view: bool = False
    in_standard_filter: bool = False
    unique: bool = False
    precision: int | None = None
    description: str = ""
    allow_on_submit: bool = False
    search_index: bool = False
    is_custom: bool = False
    insert_after: str | None = None
    column: str = ""  # physical column; the fieldname unless a custom field on a shared table
    # False for a Link to a doctype declared with ``index_links`` off (``unindex_links``)
    link_index: bool = True

    @property
    def is_layout(self) -> bool:
        return self.fieldtype in LAYOUT_TYPES

    @property
    def is_table(self) -> bool:
        return self.fieldtype == "Table"

    @property
    def has_column(self) -> bool:
        return not (self.is_layout or self.is_table)

    @property
    def column_name(self) -> str:
        return self.column or self.fieldname

    @property
    def select_options(self) -> list[str]:
        return [o for o in self.options.split("\n") if o.strip()] if self.options else []

    @property
    def effective_precision(self) -> int | None:
        if self.precision is not None:
            return self.precision
        return FIELD_TYPES[self.fieldtype].default_precision


@dataclass(frozen=True)
class DocPerm:
    role: str
    read: bool = True
    write: bool = False
    create: bool = False
    delete: bool = False
    submit: bool = False
    cancel: bool = False

    def allows(self, right: str) -> bool:
        return bool(getattr(self, right))


@dataclass(frozen=True)
class DocTypeMeta:
    name: str
    module: str
    fields: tuple[DocField, ...] = ()
    permissions: tuple[DocPerm, ...] = ()
    istable: bool = False
    issingle: bool = False
    is_submittable: bool = False
    autoname: str = "hash"
    title_field: str = ""
    search_fields: tuple[str, ...] = ()
    sort_field: str = "modified"
    sort_order: str = "desc"
    track_changes: bool = True
    # Rows rarely change and are read on every transaction (settings, charts): served
    # from a per-process cache that every write invalidates (core/records.py).
    cache_records: bool = False
    custom: bool = False
    description: str = ""
    table_name: str = ""
    # indexes over several columns, each a tuple of fieldnames or standard columns (the
    # tenant comes first in every index): for the queries a module runs on every posting
    indexes: tuple[tuple[str, ...], ...] = ()
    # Off for a setup doctype of a handful of records (a company, a currency, a unit):
    # the Link columns pointing at it get no index. Every row of a big table holds one
    # of a few values, so such an index narrows no query, while every insert pays for it
    # (about a tenth of PostgreSQL's time on a sales invoice). Finding the documents that
    # use one of its records (before deleting it) reads the tables instead.
    index_links: bool = True

    @cached_property
    def field_map(self) -> dict[str, DocField]:
        return {f.fieldname: f for f in self.fields}

    @cached_property
    def column_names(self) -> dict[str, str]:
        """fieldname -> the column storing it (a custom field's column carries its type)."""
        return {f.fieldname: f.column_name for f in self.fields}

    @cached_property
    def renamed_columns(self) -> dict[str, str]:
        """The fields stored in a column of another name (custom fields), as above."""
        return {k: v for k, v in self.column_names.items() if k != v}

    @cached_property
    def data_fields(self) -> tuple[DocField, ...]:
        return tuple(f for f in self.fields if f.has_column)

    @cached_property
    def has_unique_fields(self) -> bool:
        return any(f.unique for f in self.data_fields)

    @cached_property
    def defaulted_fields(self) -> tuple[DocField, ...]:
        """Fields a new document fills when left empty: those with a default, and Checks
        (which are 0 rather than empty)."""
        return tuple(f for f in self.data_fields
                     if f.default not in (None, "") or f.fieldtype == "Check")

    @cached_property
    def checked_fields(self) -> tuple[DocField, ...]:
        """Fields ``core.checks`` looks at: mandatory ones, Selects and links."""
        return tuple(f for f in self.data_fields
                     if (f.reqd and f.fieldtype != "Check")
                     or f.fieldtype in ("Select", "Link", "Dynamic Link"))

    @cached_property
    def table_fields(self) -> tuple[DocField, ...]:
        return tuple(f for f in self.fields if f.is_table)

    @cached_property
    def link_fields(self) -> tuple[DocField, ...]:
        return tuple(f for f in self.fields if f.fieldtype == "Link")

    def get_field(self, fieldname: str) -> DocField | None:
        return self.field_map.get(fieldname)

    def has_field(self, fieldname: str) -> bool:
        return fieldname in self.field_map

    @property
    def list_fields(self) -> list[str]:
        chosen = [f.fieldname for f in self.data_fields if f.in_list_view]
        if self.title_field and self.title_field not in chosen:
            chosen.insert(0, self.title_field)
        return chosen

    @property
    def title(self) -> str:
        return self.title_field or "name"

    def with_fields(self, fields: tuple[DocField, ...]) -> DocTypeMeta:
        return replace(self, fields=fields)


def merge_fields(meta: DocTypeMeta, extra: Iterable[DocField]) -> DocTypeMeta:
    """Place each extra field after its ``insert_after`` field (or at the end); an extra
    field replaces a field of the same name."""
    extra = list(extra)
    fields = [f for f in meta.fields if f.fieldname not in {e.fieldname for e in extra}]
    for f in extra:
        names = [x.fieldname for x in fields]
        at = names.index(f.insert_after) + 1 if f.insert_after in names else len(fields)
        fields.insert(at, f)
    return meta.with_fields(tuple(fields))


def unindex_links(fields: Iterable[DocField], targets: frozenset[str]
                  ) -> tuple[DocField, ...]:
    """The fields, those linking to one of ``targets`` marked to get no index."""
    return tuple(replace(f, link_index=False)
                 if f.fieldtype == "Link" and f.options in targets and f.link_index else f
                 for f in fields)


def snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _bool(value: Any) -> bool:
    return bool(int(value)) if isinstance(value, (int, str)) and str(value).isdigit() \
        else bool(value)


def field_from_dict(row: dict[str, Any]) -> DocField:
    known = DocField.__dataclass_fields__
    data = {k: v for k, v in row.items() if k in known and v is not None}
    for flag in ("reqd", "read_only", "hidden", "in_list_view", "in_standard_filter",
                 "unique", "allow_on_submit", "search_index", "is_custom"):
        if flag in data:
            data[flag] = _bool(data[flag])
    if "precision" in data and data["precision"] in ("", None):
        del data["precision"]
    elif "precision" in data:
        data["precision"] = int(data["precision"])
    for text in ("label", "options", "description"):
        if text in data:
            data[text] = str(data[text] or "")
    return DocField(**data)


def perm_from_dict(row: dict[str, Any]) -> DocPerm:
    return DocPerm(role=row["role"], **{r: _bool(row.get(r, r == "read")) for r in RIGHTS})


def doctype_from_dict(data: dict[str, Any], *, module: str | None = None) -> DocTypeMeta:
    """Build and check a doctype from its plain-dict declaration."""
    meta = DocTypeMeta(
        name=data["name"],
        module=module or data.get("module") or "",
        fields=tuple(field_from_dict(f) for f in data.get("fields", [])),
        permissions=tuple(perm_from_dict(p) for p in data.get("permissions", [])),
        istable=_bool(data.get("istable", False)),
        issingle=_bool(data.get("issingle", False)),
        is_submittable=_bool(data.get("is_submittable", False)),
        autoname=data.get("autoname") or "hash",
        title_field=data.get("title_field") or "",
        search_fields=tuple(data.get("search_fields") or ()),
        sort_field=data.get("sort_field") or "modified",
        sort_order=data.get("sort_order") or "desc",
        track_changes=_bool(data.get("track_changes", True)),
        cache_records=_bool(data.get("cache_records", False)),
        custom=_bool(data.get("custom", False)),
        description=data.get("description") or "",
        table_name=data.get("table_name") or snake(data["name"]),
        indexes=tuple(tuple(columns) for columns in data.get("indexes") or ()),
        index_links=_bool(data.get("index_links", True)),
    )
    check_doctype(meta)
    return meta


def check_doctype(meta: DocTypeMeta) -> None:
    """Refuse a definition the engine could not store or validate, naming the culprit."""
    if not DOCTYPE_NAME_RE.match(meta.name):
        raise MetaError(f"DocType name {meta.name!r} may hold letters, digits, spaces, "
                        "'-' and '_' and must start with a letter", field="name")
    seen: set[str] = set()
    for f in meta.fields:
        where = f"{meta.name}: field {f.fieldname!r}"
        if not FIELDNAME_RE.match(f.fieldname):
            raise MetaError(f"{where}: a fieldname is lower case letters, digits and '_'",
                            field="fields")
        if f.fieldname in RESERVED_FIELDNAMES:
            raise MetaError(f"{where}: this name is reserved by the engine", field="fields")
        if f.fieldname in seen:
            raise MetaError(f"{where}: defined twice", field="fields")
        seen.add(f.fieldname)
        if f.fieldtype not in FIELD_TYPES:
            raise MetaError(f"{where}: unknown fieldtype {f.fieldtype!r}", field="fields")
        if f.fieldtype in ("Link", "Table") and not f.options:
            raise MetaError(f"{where}: a {f.fieldtype} field names its doctype in options",
                            field="fields")
        if f.fieldtype == "Dynamic Link" and not f.options:
            raise MetaError(f"{where}: a Dynamic Link names the field holding the doctype "
                            "in options", field="fields")
    if meta.title_field and meta.title_field not in seen:
        raise MetaError(f"{meta.name}: title_field {meta.title_field!r} is not a field",
                        field="title_field")
    if meta.autoname.startswith("field:") and meta.autoname[6:] not in seen:
        raise MetaError(f"{meta.name}: autoname {meta.autoname!r} names no field",
                        field="autoname")
    columns = {f.fieldname for f in meta.data_fields} | set(STANDARD_COLUMNS) | (
        set(CHILD_COLUMNS) if meta.istable else set())
    for index in meta.indexes:
        unknown = [c for c in index if c not in columns or c == "tenant_id"]
        if not index or unknown:
            raise MetaError(f"{meta.name}: index {list(index)} names no column "
                            f"{', '.join(unknown)}".rstrip(), field="indexes")
