"""What GST adds to a quotation line: its HSN code, rate, taxable value and taxes."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Quotation Item"
FIELDS = LINE_FIELDS
