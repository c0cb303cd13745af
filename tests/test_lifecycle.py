"""Draft, submitted, cancelled, amended: what each state allows, and the version log."""

from tests.doctypes import create_trip_doctypes

LINKED = {"name": "Trip Invoice", "module": "Fleet", "custom": 1, "is_submittable": 1,
          "autoname": "TINV-.#####",
          "fields": [{"fieldname": "trip", "fieldtype": "Link", "options": "Trip",
                      "reqd": 1}]}


def test_a_submitted_document_is_frozen(api):
    create_trip_doctypes(api)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-1", "fare": 100,
                                                "docstatus": 1}).json()["data"]
    assert trip["docstatus"] == 1
    refused = api.put(f"/api/resource/Trip/{trip['name']}", json={"fare": 1})
    assert refused.status_code == 409 and refused.json()["field"] == "fare"
    deleted = api.delete(f"/api/resource/Trip/{trip['name']}")
    assert deleted.status_code == 409
    assert api.get(f"/api/resource/Trip/{trip['name']}").json()["data"]["fare"] == 100.0


def test_submit_cancel_and_amend_through_the_api(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-2"}).json()["data"]["name"]
    assert api.post(f"/api/resource/Trip/{name}/submit").json()["data"]["docstatus"] == 1
    again = api.post(f"/api/resource/Trip/{name}/submit")
    assert again.status_code == 409
    cancelled = api.put(f"/api/resource/Trip/{name}", json={"docstatus": 2})
    assert cancelled.json()["data"]["docstatus"] == 2
    amended = api.post("/api/method/core.amend", json={"doctype": "Trip", "name": name})
    assert amended.status_code == 200, amended.text
    new = api.get(f"/api/resource/Trip/{name}-1").json()["data"]
    assert (new["docstatus"], new["amended_from"], new["plate"]) == (0, name, "KA-2")


def test_cancel_is_refused_while_a_submitted_document_links_to_it(api):
    create_trip_doctypes(api)
    api.post("/api/resource/DocType", json=LINKED)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-3", "docstatus": 1}
                    ).json()["data"]["name"]
    invoice = api.post("/api/resource/Trip Invoice", json={"trip": trip, "docstatus": 1}
                       ).json()["data"]["name"]
    refused = api.post(f"/api/resource/Trip/{trip}/cancel")
    assert refused.status_code == 409 and invoice in refused.json()["message"]
    assert api.post(f"/api/resource/Trip Invoice/{invoice}/cancel").status_code == 200
    assert api.post(f"/api/resource/Trip/{trip}/cancel").status_code == 200


def test_delete_is_refused_while_a_live_document_links_to_it(api):
    create_trip_doctypes(api)
    api.post("/api/resource/DocType", json=LINKED)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-4"}).json()["data"]["name"]
    invoice = api.post("/api/resource/Trip Invoice", json={"trip": trip}).json()["data"]
    assert api.delete(f"/api/resource/Trip/{trip}").status_code == 409
    assert api.delete(f"/api/resource/Trip Invoice/{invoice['name']}").status_code == 200
    assert api.delete(f"/api/resource/Trip/{trip}").status_code == 200
    assert api.get(f"/api/resource/Trip/{trip}").status_code == 404


def test_a_stale_modified_timestamp_is_a_conflict(api):
    create_trip_doctypes(api)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-5"}).json()["data"]
    first = api.put(f"/api/resource/Trip/{trip['name']}",
                    json={"plate": "KA-5A", "modified": trip["modified"]})
    assert first.status_code == 200
    stale = api.put(f"/api/resource/Trip/{trip['name']}",
                    json={"plate": "KA-5B", "modified": trip["modified"]})
    assert stale.status_code == 409 and stale.json()["exc_type"] == "TimestampMismatchError"
    assert api.get(f"/api/resource/Trip/{trip['name']}").json()["data"]["plate"] == "KA-5A"


def test_the_version_log_records_who_changed_what(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-6", "fare": 10}
                    ).json()["data"]["name"]
    api.put(f"/api/resource/Trip/{name}", json={"fare": 12.5, "stops": [{"place": "Gate"}]})
    versions = api.get("/api/resource/Version", params={
        "fields": '["owner", "action", "data"]',
        "filters": f'[["ref_doctype", "=", "Trip"], ["docname", "=", "{name}"]]',
        "order_by": "creation asc"}).json()["data"]
    assert [v["action"] for v in versions] == ["Created", "Updated"]
    assert versions[1]["owner"] == "admin"
    assert versions[1]["data"]["changed"] == [["fare", 10.0, 12.5]]
    assert versions[1]["data"]["rows"] == {"stops": {"added": 1, "removed": 0, "changed": 0}}
