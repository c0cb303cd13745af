"""What GST adds to a sales invoice line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Sales Invoice Item"
FIELDS = LINE_FIELDS
