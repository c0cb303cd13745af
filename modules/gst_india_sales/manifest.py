"""GST on quotations, sales orders and delivery notes: installed by itself wherever both
GST India and Selling are, so neither of them needs to know the other."""

from modules.gst_india.manifest import ewaybill_buttons

MANIFEST = {
    "name": "gst_india_sales",
    "title": "GST on Selling Documents",
    "version": "1.0.0",
    "depends": ["gst_india", "sales"],
    "auto_install": True,
    "buttons": ewaybill_buttons("Delivery Note"),
    "description": "GST computed on every quotation, sales order and delivery note, with "
                   "the field contract of GST documents; only the invoice posts it.",
}
