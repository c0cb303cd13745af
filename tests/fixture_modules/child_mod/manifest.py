MANIFEST = {"name": "child_mod", "version": "1.0.0", "depends": ["base_mod"]}
