"""What GST adds to a purchase order line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Purchase Order Item"
FIELDS = LINE_FIELDS
