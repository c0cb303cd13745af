"""Point of sale: terminal profiles, cashier sessions (opening and closing), and the
sales a terminal posts, consolidated into the ledger when the session closes."""

MANIFEST = {
    "name": "pos",
    "title": "Point of Sale",
    "version": "1.0.0",
    "depends": ["sales"],
    "description": "POS profiles, cashier sessions, POS invoices and their consolidation "
                   "into the ledger at closing.",
    "pages": [{"name": "pos", "label": "Point of Sale", "method": "modules.pos.screen.show",
               "requires": ["POS Invoice", "create"],
               "description": "Sell at the counter with a scanner and the keyboard"}],
    # the receipt: POS Invoice's own format (templates/print/pos_invoice.html), by name
    "print_formats": [{"doctype": "POS Invoice", "name": "POS Receipt",
                       "template": "pos_invoice.html"}],
}
