"""GST on counter sales: installed by itself wherever both GST India and Point of Sale
are, so neither of them needs to know the other."""

MANIFEST = {
    "name": "gst_india_pos",
    "title": "GST on POS",
    "version": "1.0.0",
    "depends": ["gst_india", "pos"],
    "auto_install": True,
    "description": "GST computed on every POS invoice and return, with the field "
                   "contract of GST documents.",
}
