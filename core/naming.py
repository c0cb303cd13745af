"""Document names: hash, a field's value, a prompt, one the controller builds
(``controller``), or a gap-free naming series.

A series such as ``SINV-.YYYY.-.#####`` keeps one counter row per expanded prefix per
tenant. The counter is incremented by a single upsert inside the document's transaction:
concurrent inserts queue on the row lock, and a rolled-back insert rolls its number back,
so numbers are unique and gap-free.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.db.prepared import fixed
from core.db.tables import naming_counter
from core.errors import MandatoryError, ValidationError

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


def row_name() -> str:
    """A name for a row nobody names: a child row, a ledger line, a version.

    The milliseconds since 1970 then 52 random bits, in 24 hex digits. Names made in
    order sort in order, so a table's unique index on names grows at its right edge
    instead of touching a random page of it for every row (which, once the index
    outgrows memory, is a disk read per insert); the random part keeps names made in the
    same millisecond, by any process, apart. ``random`` is reseeded in a forked child,
    and these names guard nothing (permissions do), so the cheaper generator will do.
    """
    return f"{time.time_ns() // 1_000_000:011x}{random.getrandbits(52):013x}"


def new_name(ctx: Context, doc: Document) -> str:
    rule = doc.meta.autoname
    if rule == "hash" or doc.meta.istable:
        return row_name()
    if rule.startswith("field:"):
        value = doc.get(rule[6:])
        if value in (None, ""):
            raise MandatoryError(f"{doc.doctype}: {rule[6:]} is required (it names the "
                                 "document)", field=rule[6:])
        return str(value).strip()
    if rule.lower() == "prompt":
        if not doc.name:
            raise MandatoryError(f"{doc.doctype}: a name is required", field="name")
        return str(doc.name).strip()
    if rule == "controller":  # the doctype's before_insert builds the name
        if not doc.name:
            raise MandatoryError(f"{doc.doctype}: could not be named from its fields",
                                 field="name")
        return str(doc.name)
    if rule == "autoincrement":
        return str(next_number(ctx, doc.doctype))
    if rule.startswith("naming_series:"):
        pattern = doc.get("naming_series")
        if not pattern:
            raise MandatoryError(f"{doc.doctype}: naming_series is required",
                                 field="naming_series")
        return from_series(ctx, pattern)
    if "#" in rule:
        return from_series(ctx, rule)
    raise ValidationError(f"{doc.doctype}: unknown naming rule {rule!r}", field="autoname")


def from_series(ctx: Context, pattern: str) -> str:
    """Expand ``PREFIX-.YYYY.-.#####`` into ``PREFIX-2026-00001``."""
    prefix, digits = series_prefix(ctx, pattern)
    return f"{prefix}{next_number(ctx, prefix):0{digits}d}"


def series_prefix(ctx: Context, pattern: str) -> tuple[str, int]:
    """The expanded prefix of a series and its number of digits, without taking a
    number: ``("PREFIX-2026-", 5)``."""
    prefix, digits = "", 0
    for part in pattern.split("."):
        if part and set(part) == {"#"}:
            digits = len(part)
            break
        prefix += _expand(ctx, part)
    if not digits:
        raise ValidationError(f"Naming series {pattern!r} has no '#' digits", field="autoname")
    return prefix, digits


def _expand(ctx: Context, part: str) -> str:
    code = DATE_PARTS.get(part)
    return part if code is None else ctx.now.strftime(code)


DATE_PARTS = {"YYYY": "%Y", "YY": "%y", "MM": "%m", "DD": "%d"}


def next_number(ctx: Context, prefix: str) -> int:
    rows = fixed(ctx.conn.dialect, "take number", _take_number).fetch(ctx.conn, {
        "tenant_id": ctx.tenant.id, "prefix": prefix})
    return int(rows[0]["current"])


def _take_number(dialect: str) -> Any:
    """Add one to a series' counter, starting it at 1."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    return insert(naming_counter).values(
        tenant_id=bindparam("tenant_id"), prefix=bindparam("prefix"), current=1,
    ).on_conflict_do_update(
        index_elements=["tenant_id", "prefix"],
        set_={"current": naming_counter.c.current + 1},
    ).returning(naming_counter.c.current)
