MANIFEST = {"name": "catalog", "version": "1.0.0", "depends": [],
            "pages": [{"name": "shelf", "label": "Shelf", "method":
                       "tests.ext_modules.catalog.shelf.show",
                       "requires": ["Ext Product", "read"]}],
            "scheduled": [{"method": "tests.ext_modules.catalog.shelf.daily_count",
                           "every": "daily"}]}
