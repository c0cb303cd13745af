"""What GST adds to a POS invoice line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "POS Invoice Item"
FIELDS = LINE_FIELDS
