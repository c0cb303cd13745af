"""What GST adds to a purchase order: the supply's GST details and the input tax (or reverse
charge) per line, as on a purchase invoice, at the rates of its date (`transaction_date`)."""

from modules.gst_india.fields import document_fields
from modules.gst_india_purchase.documents import gst_validate

EXTENDS = "Purchase Order"
FIELDS = document_fields("supplier_gstin", "Supplier GSTIN")
validate = gst_validate("transaction_date")
