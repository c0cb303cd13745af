MANIFEST = {
    "name": "accounting",
    "title": "Accounting",
    "version": "1.0.0",
    "depends": ["base"],
    "description": "Companies, the chart of accounts, the double-entry ledger, journal "
                   "entries and financial reports.",
}
