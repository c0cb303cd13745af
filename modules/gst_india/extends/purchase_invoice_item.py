"""What GST adds to a purchase invoice line: its HSN code, rate, taxable value and taxes,
and whether its input tax may be claimed (blocked credit is booked as part of the cost)."""

from modules.gst_india.fields import LINE_FIELDS

EXTENDS = "Purchase Invoice Item"
FIELDS = [*LINE_FIELDS,
          {"fieldname": "is_ineligible_for_itc", "fieldtype": "Check",
           "label": "Ineligible for ITC",
           "description": "Blocked credit (section 17(5)): the tax is booked to the "
                          "line's expense account"}]
