"""An invoice made from a delivery note or a sales order takes the GST choices made
there (branch, billing address, reverse charge, export with payment); gst_india
computes its GST on its own date."""

from modules.gst_india_sales.documents import carried_from

EXTENDS = "Sales Invoice"
FIELDS: list = []
before_insert = carried_from(("delivery_note", "Delivery Note"), ("sales_order", "Sales Order"))
