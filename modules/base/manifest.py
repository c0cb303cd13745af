MANIFEST = {
    "name": "base",
    "title": "Masters",
    "version": "1.0.0",
    "depends": ["contacts"],
    "description": "Customers, suppliers, items and their groups and units: the masters "
                   "every business module shares.",
}
