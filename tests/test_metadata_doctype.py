"""A doctype declared only as metadata works end to end through the API."""

from decimal import Decimal

from tests.doctypes import create_trip_doctypes


def test_metadata_only_doctype_round_trips_every_field_type(api):
    create_trip_doctypes(api)
    created = api.post("/api/resource/Trip", json={
        "plate": "KA-01-1234", "driver": "admin", "trip_date": "2026-11-02",
        "started_at": "2026-11-02 08:30:00", "km": "12.345", "fare": "250.50",
        "tip_pct": 10, "passengers": "2", "night": 1, "kind": "Airport",
        "notes": "via ring road", "meta_json": {"zone": 4},
        "stops": [{"place": "Depot", "wait_minutes": 5}, {"place": "Terminal 2"}],
    })
    assert created.status_code == 200, created.text
    data = created.json()["data"]
    assert data["name"] == "TRIP-00001"
    read = api.get("/api/resource/Trip/TRIP-00001").json()["data"]
    assert read["plate"] == "KA-01-1234"
    assert read["trip_date"] == "2026-11-02"
    assert read["started_at"] == "2026-11-02 08:30:00"
    assert Decimal(str(read["km"])) == Decimal("12.345")
    assert Decimal(str(read["fare"])) == Decimal("250.50")
    assert read["passengers"] == 2 and read["night"] == 1 and read["kind"] == "Airport"
    assert read["meta_json"] == {"zone": 4}
    assert [(s["place"], s["wait_minutes"], s["idx"]) for s in read["stops"]] == [
        ("Depot", 5, 1), ("Terminal 2", None, 2)]


def test_list_filters_sorts_and_pages(api):
    create_trip_doctypes(api)
    for i, fare in enumerate(["100", "300", "200"]):
        assert api.post("/api/resource/Trip", json={"plate": f"P{i}", "fare": fare}
                        ).status_code == 200
    rows = api.get("/api/resource/Trip", params={
        "fields": '["plate", "fare"]', "filters": '[["fare", ">", 150]]',
        "order_by": "fare desc"}).json()["data"]
    assert rows == [{"plate": "P1", "fare": 300.0}, {"plate": "P2", "fare": 200.0}]
    page = api.get("/api/resource/Trip", params={
        "fields": '["plate"]', "order_by": "plate asc", "limit_start": 1,
        "limit_page_length": 1}).json()["data"]
    assert page == [{"plate": "P1"}]
    by_dict = api.get("/api/resource/Trip", params={
        "fields": '["plate"]', "filters": '{"plate": "P2"}'}).json()["data"]
    assert by_dict == [{"plate": "P2"}]
    count = api.get("/api/method/core.get_count", params={
        "doctype": "Trip", "filters": '[["fare", "<", 250]]'}).json()["message"]
    assert count == 2


def test_update_changes_fields_and_replaces_child_rows(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={
        "plate": "KA-01", "fare": "100", "stops": [{"place": "Depot"}, {"place": "Gate"}]
    }).json()["data"]["name"]
    updated = api.put(f"/api/resource/Trip/{name}", json={
        "fare": "120.75", "kind": "Outstation", "stops": [{"place": "Airport",
                                                           "wait_minutes": 15}]})
    assert updated.status_code == 200, updated.text
    read = api.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (read["plate"], read["fare"], read["kind"]) == ("KA-01", 120.75, "Outstation")
    assert [(s["place"], s["wait_minutes"]) for s in read["stops"]] == [("Airport", 15)]
    stops = api.get("/api/resource/Trip Stop", params={"fields": '["place"]'}).json()["data"]
    assert stops == [{"place": "Airport"}]  # the replaced rows are gone, not orphaned


def test_delete_removes_the_document_and_its_child_rows(api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={
        "plate": "KA-02", "stops": [{"place": "Depot"}]}).json()["data"]["name"]
    assert api.delete(f"/api/resource/Trip/{name}").status_code == 200
    assert api.get(f"/api/resource/Trip/{name}").status_code == 404
    assert api.get("/api/resource/Trip Stop").json()["data"] == []
    assert api.get("/api/method/core.get_count", params={"doctype": "Trip"}
                   ).json()["message"] == 0
    assert api.delete(f"/api/resource/Trip/{name}").status_code == 404


def test_the_openapi_document_lists_the_doctype_paths_and_fields(api):
    create_trip_doctypes(api)
    document = api.get("/api/openapi.json").json()
    assert set(document["paths"]["/api/resource/Trip"]) == {"get", "post"}
    assert {"get", "put", "delete"} <= set(document["paths"]["/api/resource/Trip/{name}"])
    trip = document["components"]["schemas"]["Trip"]
    assert trip["required"] == ["plate"]
    props = trip["properties"]
    assert {k: props[k].get("type") for k in ("plate", "passengers", "fare", "night")} == {
        "plate": "string", "passengers": "integer", "fare": "number", "night": "integer"}
    assert props["trip_date"]["format"] == "date"
    assert props["started_at"]["format"] == "date-time"
    assert props["kind"]["enum"] == ["City", "Airport", "Outstation"]
    assert props["stops"] == {"type": "array",
                              "items": {"$ref": "#/components/schemas/Trip_Stop"}}
    assert set(document["components"]["schemas"]["Trip_Stop"]["properties"]) >= {
        "place", "wait_minutes"}
    assert "/api/resource/Trip Stop" not in document["paths"]  # reached through Trip
