MANIFEST = {"name": "bridge_like", "version": "1.0.0", "depends": ["ledger_like", "stock_like"],
            "auto_install": True}
