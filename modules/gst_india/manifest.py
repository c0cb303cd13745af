"""GST for India: GSTINs on companies, parties and addresses, HSN codes and dated rates
on items, and GST computed on every sales and purchase invoice."""

MANIFEST = {
    "name": "gst_india",
    "title": "GST India",
    "version": "0.1.0",
    "depends": ["accounting", "contacts"],
    "description": "GSTIN validation, HSN/SAC codes, dated GST rates, place of supply, "
                   "CGST/SGST/IGST and cess on invoices, reverse charge.",
}
