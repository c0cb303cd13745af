"""What GST adds to a sales order: the supply's GST details and the taxes per line, as on
a sales invoice, at the rates of its date (`transaction_date`)."""

from modules.gst_india_sales.documents import carried_from, gst_validate, sales_document_fields

EXTENDS = "Sales Order"
FIELDS = sales_document_fields()
validate = gst_validate("transaction_date")
before_insert = carried_from(("prevdoc_docname", "Quotation"))
