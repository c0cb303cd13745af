"""What GST adds to a sales order line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Sales Order Item"
FIELDS = LINE_FIELDS
