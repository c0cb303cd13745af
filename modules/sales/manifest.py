MANIFEST = {
    "name": "sales",
    "title": "Selling",
    "version": "1.0.0",
    "depends": ["inventory"],
    "description": "Deliveries to customers and the invoices made from them.",
}
