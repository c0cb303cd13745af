"""What GST adds to a quotation: the supply's GST details and the taxes per line, as on
a sales invoice, at the rates of its date (`transaction_date`)."""

from modules.gst_india_sales.documents import gst_validate, sales_document_fields

EXTENDS = "Quotation"
FIELDS = sales_document_fields()
validate = gst_validate("transaction_date")
