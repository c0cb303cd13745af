MANIFEST = {
    "name": "contacts",
    "title": "Contacts",
    "version": "1.0.0",
    "depends": [],
    "description": "People and addresses that customers, suppliers and leads refer to.",
}
