"""What GST adds to a delivery note line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Delivery Note Item"
FIELDS = LINE_FIELDS
