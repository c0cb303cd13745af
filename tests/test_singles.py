"""Single doctypes: one settings document per tenant, with defaults and validation."""


def test_a_single_doctype_is_one_settings_document(api):
    spec = {"name": "Fleet Settings", "module": "Fleet", "custom": 1, "issingle": 1,
            "fields": [{"fieldname": "default_fare", "fieldtype": "Currency"},
                       {"fieldname": "night_surcharge", "fieldtype": "Percent",
                        "default": "25"},
                       {"fieldname": "dispatch_email", "fieldtype": "Data"}]}
    assert api.post("/api/resource/DocType", json=spec).status_code == 200
    fresh = api.get("/api/resource/Fleet Settings/Fleet Settings").json()["data"]
    assert fresh["night_surcharge"] == 25.0 and fresh["default_fare"] is None
    saved = api.put("/api/resource/Fleet Settings/Fleet Settings",
                    json={"default_fare": "120.5"})
    assert saved.status_code == 200
    again = api.get("/api/resource/Fleet Settings/Fleet Settings").json()["data"]
    assert (again["default_fare"], again["night_surcharge"]) == (120.5, 25.0)
    bad = api.put("/api/resource/Fleet Settings/Fleet Settings",
                  json={"default_fare": "lots"})
    assert bad.status_code == 422
