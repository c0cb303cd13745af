"""A document's status badge: its own status word when its doctype keeps one, else its
docstatus (Draft, Submitted, Cancelled) when it is submittable, else none."""

from __future__ import annotations

from core.meta.doctype import DocTypeMeta
from core.web.templating import indicator


def status_field(meta: DocTypeMeta) -> str | None:
    """A doctype's own status word (shown as the row's badge), if it keeps one."""
    f = meta.field_map.get("status")
    return "status" if f is not None and not f.hidden else None


def badge(meta: DocTypeMeta, docstatus: int | None, status: str | None
          ) -> dict[str, str] | None:
    """Label and colour of the badge, or None for a doctype with neither."""
    own = status if status_field(meta) else None
    if not own and not meta.is_submittable:
        return None
    return indicator(docstatus if meta.is_submittable else None, own or None)
