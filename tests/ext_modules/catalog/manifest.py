MANIFEST = {"name": "catalog", "version": "1.0.0", "depends": []}
