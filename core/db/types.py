"""Column types shared by every table the engine generates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Numeric
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

JSONType = JSON().with_variant(JSONB(), "postgresql")


class DecimalType(TypeDecorator[Decimal]):
    """NUMERIC(21, 9) that always comes back as Decimal.

    PostgreSQL stores it exactly. SQLite has no decimal storage: values go in as their
    shortest exact decimal text and come back through ``str`` so 0.1 stays 0.1; callers
    quantize to the field's precision (see docs/decisions/0003-decimal-on-sqlite.md).
    """

    impl = Numeric(21, 9, asdecimal=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(21, 9, asdecimal=False))
        return dialect.type_descriptor(self.impl)

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return float(value)
        return Decimal(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, Decimal):
            return value
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
