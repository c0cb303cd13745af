"""Named print formats: a module may add formats of its own to a doctype of a module it
depends on, declared in its manifest and chosen with ``?format=<name>`` on the print view::

    "print_formats": [{"doctype": "Sales Invoice", "name": "GST Tax Invoice",
                       "template": "gst_tax_invoice.html",
                       "context": "modules.gst_india.print.tax_invoice.print_context"}]

The template sits in the module's ``templates/print/`` and sees what every print format
sees (core/pdf.py: ``print_context``) plus what ``context(ctx, doc)`` returns. A tenant
gets the formats of the modules it installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core import pdf
from core.errors import DoesNotExist
from core.jobs import resolve

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


@dataclass(frozen=True)
class PrintFormat:
    module: str
    doctype: str
    name: str
    template: str
    context: str | None


def formats(ctx: Context, doctype: str) -> list[PrintFormat]:
    """The named formats of ``doctype`` the tenant's modules add."""
    found = []
    for module in ctx.site.module_order:
        if module not in ctx.tenant.modules:
            continue
        for data in ctx.site.manifests[module].extra.get("print_formats", ()):
            if data["doctype"] == doctype:
                found.append(PrintFormat(module, doctype, data["name"], data["template"],
                                         data.get("context")))
    return found


def find(ctx: Context, doctype: str, name: str) -> PrintFormat:
    for found in formats(ctx, doctype):
        if found.name == name:
            return found
    raise DoesNotExist(f"{doctype} has no print format {name!r}", field="format")


def render_named_html(ctx: Context, doc: Document, name: str) -> str:
    chosen = find(ctx, doc.doctype, name)
    values = pdf.print_context(ctx, doc)
    if chosen.context:
        values |= resolve(chosen.context)(ctx, doc)
    return pdf.environment(chosen.module).get_template(chosen.template).render(**values)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=pdf.fit_roll(html), base_url=str(pdf.CORE_TEMPLATES)).write_pdf()
