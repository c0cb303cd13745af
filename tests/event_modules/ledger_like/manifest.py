MANIFEST = {"name": "ledger_like", "version": "1.0.0", "depends": []}
