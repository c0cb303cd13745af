"""A bill made from a purchase receipt or order takes the GST choices made there
(branch, reverse charge); gst_india computes its GST on its own date."""

from modules.gst_india_purchase.documents import carried_from

EXTENDS = "Purchase Invoice"
FIELDS: list = []
before_insert = carried_from(("purchase_receipt", "Purchase Receipt"),
                             ("purchase_order", "Purchase Order"))
