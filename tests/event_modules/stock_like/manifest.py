MANIFEST = {"name": "stock_like", "version": "1.0.0", "depends": ["ledger_like"]}
