"""What GST adds to a purchase receipt line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Purchase Receipt Item"
FIELDS = LINE_FIELDS
