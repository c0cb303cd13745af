"""What GST adds to a purchase tax row: which GST it is, on the rows GST computes."""

from modules.gst_india.fields import TAX_ROW_FIELDS

EXTENDS = "Purchase Taxes and Charges"
FIELDS = TAX_ROW_FIELDS
