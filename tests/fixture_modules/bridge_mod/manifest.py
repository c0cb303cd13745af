MANIFEST = {"name": "bridge_mod", "version": "1.0.0", "depends": ["base_mod", "child_mod"],
            "auto_install": True}
