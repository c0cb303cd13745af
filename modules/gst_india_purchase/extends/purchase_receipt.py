"""What GST adds to a purchase receipt: the supply's GST details and the input tax (or reverse
charge) per line, as on a purchase invoice, at the rates of its date (`posting_date`)."""

from modules.gst_india.fields import document_fields
from modules.gst_india_purchase.documents import carried_from, gst_validate

EXTENDS = "Purchase Receipt"
FIELDS = document_fields("supplier_gstin", "Supplier GSTIN")
validate = gst_validate("posting_date")
before_insert = carried_from(("purchase_order", "Purchase Order"))
