"""GST on purchase orders and purchase receipts: installed by itself wherever both GST
India and Buying are, so neither of them needs to know the other."""

MANIFEST = {
    "name": "gst_india_purchase",
    "title": "GST on Buying Documents",
    "version": "1.0.0",
    "depends": ["gst_india", "purchase"],
    "auto_install": True,
    "description": "GST (and reverse charge) computed on every purchase order and "
                   "receipt, with the field contract of GST documents; only the bill "
                   "posts it.",
}
