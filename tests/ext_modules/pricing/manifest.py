MANIFEST = {"name": "pricing", "version": "1.0.0", "depends": ["catalog"]}
