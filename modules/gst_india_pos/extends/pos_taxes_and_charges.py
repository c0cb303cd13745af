"""What GST adds to a POS tax row: which GST it is, on the rows GST computes."""

from modules.gst_india.fields import TAX_ROW_FIELDS

EXTENDS = "POS Taxes and Charges"
FIELDS = TAX_ROW_FIELDS
