"""Draft, submitted, cancelled, amended: what each state allows, and the version log."""

from core.auth.api_keys import issue_api_key
from tests.doctypes import create_trip_doctypes

LINKED = {"name": "Trip Invoice", "module": "Fleet", "custom": 1, "is_submittable": 1,
          "autoname": "TINV-.#####",
          "fields": [{"fieldname": "trip", "fieldtype": "Link", "options": "Trip",
                      "reqd": 1}]}


def versions_of(api, name):
    return api.get("/api/resource/Version", params={
        "fields": '["owner", "creation", "action", "data"]',
        "filters": f'[["ref_doctype", "=", "Trip"], ["docname", "=", "{name}"]]',
        "order_by": "creation asc", "limit_page_length": 0}).json()["data"]


def test_a_submitted_document_is_frozen(api):
    create_trip_doctypes(api)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-1", "fare": 100,
                                                "stops": [{"place": "Depot"}],
                                                "docstatus": 1}).json()["data"]
    assert trip["docstatus"] == 1
    refused = api.put(f"/api/resource/Trip/{trip['name']}", json={"fare": 1})
    assert refused.status_code == 409 and refused.json()["field"] == "fare"
    rows = api.put(f"/api/resource/Trip/{trip['name']}", json={"stops": [{"place": "X"}]})
    assert rows.status_code == 409 and rows.json()["field"] == "stops"
    back = api.put(f"/api/resource/Trip/{trip['name']}", json={"docstatus": 0})
    assert back.status_code == 409
    deleted = api.delete(f"/api/resource/Trip/{trip['name']}")
    assert deleted.status_code == 409
    stored = api.get(f"/api/resource/Trip/{trip['name']}").json()["data"]
    assert (stored["fare"], stored["docstatus"], stored["modified"]) == (
        100.0, 1, trip["modified"])
    assert [s["place"] for s in stored["stops"]] == ["Depot"]
    assert [v["action"] for v in versions_of(api, trip["name"])] == ["Created and Submitted"]


def test_a_cancelled_document_cannot_be_changed_or_submitted_again(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-7", "docstatus": 1}
                    ).json()["data"]["name"]
    assert api.post(f"/api/resource/Trip/{name}/cancel").status_code == 200
    assert api.put(f"/api/resource/Trip/{name}", json={"plate": "X"}).status_code == 409
    assert api.post(f"/api/resource/Trip/{name}/submit").status_code == 409
    assert api.post(f"/api/resource/Trip/{name}/cancel").status_code == 409
    stored = api.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (stored["plate"], stored["docstatus"]) == ("KA-7", 2)


def test_cancelling_refuses_other_changes_in_the_same_request(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-8", "docstatus": 1}
                    ).json()["data"]["name"]
    refused = api.put(f"/api/resource/Trip/{name}", json={"docstatus": 2, "plate": "X"})
    assert refused.status_code == 409 and "plate" in refused.json()["message"]
    stored = api.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (stored["plate"], stored["docstatus"]) == ("KA-8", 1)


def test_submitting_on_update_saves_the_changes_sent_with_it(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-9"}).json()["data"]["name"]
    submitted = api.put(f"/api/resource/Trip/{name}", json={"docstatus": 1, "fare": 75})
    assert submitted.status_code == 200, submitted.text
    stored = api.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (stored["docstatus"], stored["fare"]) == (1, 75.0)
    assert [v["action"] for v in versions_of(api, name)] == ["Created", "Submitted"]


def test_submit_cancel_and_amend_through_the_api(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={
        "plate": "KA-2", "stops": [{"place": "Depot", "wait_minutes": 4}]}
    ).json()["data"]["name"]
    assert api.post(f"/api/resource/Trip/{name}/submit").json()["data"]["docstatus"] == 1
    again = api.post(f"/api/resource/Trip/{name}/submit")
    assert again.status_code == 409
    cancelled = api.put(f"/api/resource/Trip/{name}", json={"docstatus": 2})
    assert cancelled.json()["data"]["docstatus"] == 2
    amended = api.post("/api/method/core.amend", json={"doctype": "Trip", "name": name})
    assert amended.status_code == 200, amended.text
    new = api.get(f"/api/resource/Trip/{name}-1").json()["data"]
    assert (new["docstatus"], new["amended_from"], new["plate"]) == (0, name, "KA-2")
    assert [(s["place"], s["wait_minutes"]) for s in new["stops"]] == [("Depot", 4)]
    assert api.get(f"/api/resource/Trip/{name}").json()["data"]["docstatus"] == 2


def test_amending_an_amendment_counts_on(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-2", "docstatus": 1}
                    ).json()["data"]["name"]
    api.post(f"/api/resource/Trip/{name}/cancel")
    first = api.post("/api/method/core.amend", json={"doctype": "Trip", "name": name}
                     ).json()["message"]["name"]
    api.post(f"/api/resource/Trip/{first}/submit")
    api.post(f"/api/resource/Trip/{first}/cancel")
    second = api.post("/api/method/core.amend", json={"doctype": "Trip", "name": first})
    assert second.json()["message"]["name"] == f"{name}-2"
    assert second.json()["message"]["amended_from"] == f"{name}-1"


def test_only_a_cancelled_document_can_be_amended(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={"plate": "KA-2", "docstatus": 1}
                    ).json()["data"]["name"]
    refused = api.post("/api/method/core.amend", json={"doctype": "Trip", "name": name})
    assert refused.status_code == 409
    assert api.get(f"/api/resource/Trip/{name}-1").status_code == 404


def test_a_link_to_a_cancelled_document_is_refused(api):
    create_trip_doctypes(api)
    api.post("/api/resource/DocType", json=LINKED)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-3", "docstatus": 1}
                    ).json()["data"]["name"]
    api.post(f"/api/resource/Trip/{trip}/cancel")
    refused = api.post("/api/resource/Trip Invoice", json={"trip": trip})
    assert refused.status_code == 422 and refused.json()["field"] == "trip"
    assert "cancelled" in refused.json()["message"]
    assert api.get("/api/resource/Trip Invoice").json()["data"] == []


def test_cancel_is_refused_while_a_submitted_document_links_to_it(api):
    create_trip_doctypes(api)
    api.post("/api/resource/DocType", json=LINKED)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-3", "docstatus": 1}
                    ).json()["data"]["name"]
    invoice = api.post("/api/resource/Trip Invoice", json={"trip": trip, "docstatus": 1}
                       ).json()["data"]["name"]
    refused = api.post(f"/api/resource/Trip/{trip}/cancel")
    assert refused.status_code == 409 and invoice in refused.json()["message"]
    assert api.get(f"/api/resource/Trip/{trip}").json()["data"]["docstatus"] == 1
    assert api.post(f"/api/resource/Trip Invoice/{invoice}/cancel").status_code == 200
    assert api.post(f"/api/resource/Trip/{trip}/cancel").status_code == 200


def test_delete_is_refused_while_a_live_document_links_to_it(api):
    create_trip_doctypes(api)
    api.post("/api/resource/DocType", json=LINKED)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-4"}).json()["data"]["name"]
    invoice = api.post("/api/resource/Trip Invoice", json={"trip": trip}).json()["data"]
    refused = api.delete(f"/api/resource/Trip/{trip}")
    assert refused.status_code == 409 and invoice["name"] in refused.json()["message"]
    assert api.get(f"/api/resource/Trip/{trip}").status_code == 200
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


def test_a_stale_modified_timestamp_on_submit_is_a_conflict(api):
    create_trip_doctypes(api)
    trip = api.post("/api/resource/Trip", json={"plate": "KA-5"}).json()["data"]
    api.put(f"/api/resource/Trip/{trip['name']}", json={"plate": "KA-5A"})
    stale = api.post(f"/api/resource/Trip/{trip['name']}/submit",
                     json={"modified": trip["modified"]})
    assert stale.status_code == 409 and stale.json()["exc_type"] == "TimestampMismatchError"
    assert api.get(f"/api/resource/Trip/{trip['name']}").json()["data"]["docstatus"] == 0


def test_the_version_log_records_who_changed_what_and_when(tenant, api):
    create_trip_doctypes(api)
    api.post("/api/resource/User", json={"login": "maya", "full_name": "Maya",
                                         "roles": [{"role": "System Manager"}]})
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, "maya")
    name = api.post("/api/resource/Trip", json={"plate": "KA-6", "fare": 10}
                    ).json()["data"]["name"]
    with tenant.client(headers={"Authorization": f"token {key}:{secret}"}) as maya:
        changed = maya.put(f"/api/resource/Trip/{name}",
                           json={"fare": 12.5, "stops": [{"place": "Gate"}]})
        assert changed.status_code == 200
    modified = changed.json()["data"]["modified"]
    versions = versions_of(api, name)
    assert [(v["action"], v["owner"]) for v in versions] == [("Created", "admin"),
                                                              ("Updated", "maya")]
    assert versions[1]["creation"] == modified
    assert versions[1]["data"]["changed"] == [["fare", 10.0, 12.5]]
    assert versions[1]["data"]["rows"] == {"stops": {"added": 1, "removed": 0, "changed": 0}}
    assert api.get(f"/api/resource/Trip/{name}").json()["data"]["modified_by"] == "maya"
