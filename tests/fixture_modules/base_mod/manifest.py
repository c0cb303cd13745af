MANIFEST = {"name": "base_mod", "version": "1.0.0", "depends": []}
