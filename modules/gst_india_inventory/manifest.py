"""e-Way bills for stock transfers: installed by itself wherever both GST India and Stock
are, so neither of them needs to know the other."""

from modules.gst_india.manifest import ewaybill_buttons

MANIFEST = {
    "name": "gst_india_inventory",
    "title": "GST on Stock Transfers",
    "version": "1.0.0",
    "depends": ["gst_india", "inventory"],
    "auto_install": True,
    "buttons": ewaybill_buttons("Stock Entry", stock_entry_type=["Material Transfer"]),
    "description": "Delivery challan numbers and e-way bills of goods moved between a "
                   "GSTIN's own warehouses.",
}
