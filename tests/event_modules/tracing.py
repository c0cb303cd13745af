"""Handlers that record that they ran (an Ev Trace row), and fail when asked to."""

from core.db import query


class Refused(Exception):
    pass


def trace(module, only=None):
    def handler(ctx, doc):
        if only and doc.doctype != only:
            return
        event = "on_cancel" if doc.docstatus == 2 else (
            "on_submit" if doc.docstatus == 1 else "after_insert")
        if doc.get("fail_on") == f"{module}:{event}":
            raise Refused(f"{module} refuses {event}")
        count = query.count(ctx, "Ev Trace")
        query.insert_rows(ctx, "Ev Trace", [{
            "name": f"{doc.name}-{count}", "docstatus": 0, "idx": count, "event": event,
            "module": module, "move": doc.name}])
    return handler
