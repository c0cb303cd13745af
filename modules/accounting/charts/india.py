"""The Indian chart: the standard tree with GST, cess, TDS and TCS accounts."""

from __future__ import annotations

from modules.accounting.charts.standard import chart, leaf

GST_ACCOUNTS = [
    leaf(f"{side} Tax {tax}", "Tax")
    for side in ("Output", "Input") for tax in ("CGST", "SGST", "IGST", "Cess")
] + [leaf("Input Tax CGST RCM", "Tax"), leaf("Input Tax SGST RCM", "Tax"),
     leaf("Input Tax IGST RCM", "Tax"), leaf("TDS Payable", "Tax"),
     leaf("TCS Payable", "Tax"), leaf("TDS Receivable", "Tax")]

CHART = chart(GST_ACCOUNTS)
