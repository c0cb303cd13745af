"""GST for India: GSTINs on companies, parties and addresses, HSN codes and dated rates
on items, and GST computed on every sales and purchase invoice."""

MANIFEST = {
    "name": "gst_india",
    "title": "GST India",
    "version": "0.1.0",
    "depends": ["accounting", "contacts"],
    "method_prefix": "gst",  # /api/method/gst.einvoice_json as well as gst_india.*
    "print_formats": [{"doctype": "Sales Invoice", "name": "GST Tax Invoice",
                       "template": "gst_tax_invoice.html",
                       "context": "modules.gst_india.print.tax_invoice.print_context"}],
    "description": "GSTIN validation, HSN/SAC codes, dated GST rates, place of supply, "
                   "CGST/SGST/IGST and cess on invoices, reverse charge.",
}
