"""What GST adds to a delivery note: the supply's GST details and the taxes per line, as on
a sales invoice, at the rates of its date (`posting_date`)."""

from modules.gst_india_sales.documents import carried_from, gst_validate, sales_document_fields

EXTENDS = "Delivery Note"
FIELDS = sales_document_fields()
validate = gst_validate("posting_date")
before_insert = carried_from(("against_sales_order", "Sales Order"))
