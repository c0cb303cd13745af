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
