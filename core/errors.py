"""Named errors of the engine.

Each error class carries its HTTP status and a stable code; the API turns any of them into
``{"exc_type": ..., "message": ...}`` with that status (see core/api/errors.py). Modules define
their own subclasses in their errors.py the same way.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Base of every error a user can cause and is told about."""

    status: int = 400
    code: str = "APP-ERROR"

    def __init__(self, message: str, *, field: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.extra = extra

    @property
    def exc_type(self) -> str:
        return type(self).__name__

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"exc_type": self.exc_type, "message": self.message,
                                "code": self.code}
        if self.field:
            body["field"] = self.field
        body.update(self.extra)
        return body


class ValidationError(AppError):
    status = 422
    code = "VALIDATION"


class MultipleValidationErrors(ValidationError):
    """Every problem found in one document, raised together."""

    def __init__(self, errors: list[ValidationError]) -> None:
        message = "; ".join(e.message for e in errors)
        super().__init__(message, errors=[
            {"field": e.field, "message": e.message} for e in errors])
        self.errors = errors


class MandatoryError(ValidationError):
    code = "MANDATORY"


class LinkValidationError(ValidationError):
    code = "LINK"


class DuplicateEntryError(AppError):
    status = 409
    code = "DUPLICATE"


class BadRequest(AppError):
    status = 400
    code = "BAD-REQUEST"


class NotFound(AppError):
    status = 404
    code = "NOT-FOUND"


class DoesNotExist(NotFound):
    code = "DOES-NOT-EXIST"


class AuthenticationError(AppError):
    status = 401
    code = "AUTH"


class PermissionDenied(AppError):
    status = 403
    code = "PERMISSION"


class LoginLocked(AppError):
    status = 429
    code = "LOGIN-LOCKED"


class ConflictError(AppError):
    status = 409
    code = "CONFLICT"


class TimestampMismatchError(ConflictError):
    """The document changed since it was read: someone else saved it first."""

    code = "MODIFIED"


class DocstatusError(AppError):
    """An action that the document's state does not allow (edit a submitted document...)."""

    status = 409
    code = "DOCSTATUS"


class LinkExistsError(ConflictError):
    """A submitted document links to the one being cancelled or deleted."""

    code = "LINKED"


class ModuleError(AppError):
    """A module manifest is broken: a cycle, a missing dependency, an unknown module."""

    code = "MODULE"


class MetaError(ValidationError):
    """A doctype or field definition is invalid."""

    code = "META"


class TenantError(AppError):
    code = "TENANT"
