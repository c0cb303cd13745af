"""Handlers that record that they ran (an Fx Trace row), and fail when the document asks."""

from core.db import query


class Refused(Exception):
    pass


def trace(module, event):
    def handler(ctx, doc):
        if doc.get("fail_on") == f"{module}:{event}":
            raise Refused(f"{module} refuses {event} of {doc.name}")
        seq = query.count(ctx, "Fx Trace") + 1
        query.insert_rows(ctx, "Fx Trace", [{
            "name": f"trace-{seq}", "docstatus": 0, "idx": seq, "module": module,
            "event": event, "ref_doctype": doc.doctype, "ref_name": doc.name}])
    return handler
