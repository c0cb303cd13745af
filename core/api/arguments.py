"""Parsing the arguments of whitelisted methods and reports: every problem collected and
raised together, each naming its argument."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import perms
from core.document import parse_value
from core.errors import MultipleValidationErrors, PermissionDenied, ValidationError

if TYPE_CHECKING:
    from core.context import Context


class Arguments:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.errors: list[ValidationError] = []

    def record(self, value: Any, field: str, doctype: str) -> str:
        """A required name of a ``doctype`` record the user may see (e.g. a company)."""
        if not isinstance(value, str) or not value:
            self.errors.append(ValidationError(f"{field} is required", field=field))
            return ""
        allowed = perms.restrictions(self.ctx).get(doctype)
        if allowed is not None and value not in allowed:
            raise PermissionDenied(f"You are not permitted to access {doctype} {value}")
        return value

    def date(self, value: Any, field: str) -> dt.date:
        if value in (None, ""):
            self.errors.append(ValidationError(f"{field} is required", field=field))
            return dt.date.min
        return parse_value("Date", None, value, self.errors, "", field) or dt.date.min

    def text(self, value: Any, field: str) -> str | None:
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            self.errors.append(ValidationError(f"{field} must be text", field=field))
        return value

    def done(self) -> None:
        if self.errors:
            raise self.errors[0] if len(self.errors) == 1 \
                else MultipleValidationErrors(self.errors)
