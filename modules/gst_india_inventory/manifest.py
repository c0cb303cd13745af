"""e-Way bills for stock transfers: installed by itself wherever both GST India and Stock
are, so neither of them needs to know the other."""

MANIFEST = {
    "name": "gst_india_inventory",
    "title": "GST on Stock Transfers",
    "version": "1.0.0",
    "depends": ["gst_india", "inventory"],
    "auto_install": True,
    "description": "Delivery challan numbers and e-way bills of goods moved between a "
                   "GSTIN's own warehouses.",
}
