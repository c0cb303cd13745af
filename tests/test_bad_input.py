"""Bad input of every kind gets a clear 4xx naming the field, and writes nothing."""

import pytest

from tests.doctypes import create_trip_doctypes


@pytest.fixture
def trips(api):
    create_trip_doctypes(api)
    return api


def count(api):
    return api.get("/api/method/core.get_count", params={"doctype": "Trip"}).json()["message"]


@pytest.mark.parametrize(("field", "value", "fragment"), [
    ("passengers", "abc", "whole number"),
    ("passengers", 1.5, "whole number"),
    ("km", "x", "number"),
    ("fare", "1,2,3e", "number"),
    ("fare", "1e400", "too large"),
    ("trip_date", "2026-13-45", "YYYY-MM-DD"),
    ("started_at", "yesterday", "date and time"),
    ("night", 7, "0 or 1"),
    ("kind", "Moon", "not one of"),
    ("driver", "nobody", "does not exist"),
    ("meta_json", "{not json", "valid JSON"),
    ("plate", "X" * 141, "longer than 140"),
    ("plate", None, "required"),
    ("plate", {"a": 1}, "text"),
])
def test_a_bad_value_is_refused_naming_its_field(trips, field, value, fragment):
    body = {"plate": "KA-1"} | {field: value}
    response = trips.post("/api/resource/Trip", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert fragment in response.json()["message"]
    assert count(trips) == 0


def test_bad_child_rows_name_their_row(trips):
    response = trips.post("/api/resource/Trip", json={
        "plate": "KA-1", "stops": [{"place": "A"}, {"place": "B", "wait_minutes": "soon"}]})
    assert response.status_code == 422
    assert "stops row 2" in response.json()["message"]
    not_list = trips.post("/api/resource/Trip", json={"plate": "KA-1", "stops": "A"})
    assert not_list.status_code == 422 and not_list.json()["field"] == "stops"
    assert count(trips) == 0


def test_several_bad_values_are_reported_together(trips):
    response = trips.post("/api/resource/Trip", json={"plate": "KA", "km": "x",
                                                      "passengers": "y"})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"km", "passengers"}


@pytest.mark.parametrize("body", [b"{bad json", b"[1, 2]", b'"text"'])
def test_a_malformed_body_is_a_400(trips, body):
    response = trips.post("/api/resource/Trip", content=body,
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert count(trips) == 0


@pytest.mark.parametrize(("params", "field"), [
    ({"filters": "[[not json"}, "filters"),
    ({"filters": '[["nope", "=", 1]]'}, "nope"),
    ({"filters": '[["plate", "~", 1]]'}, "plate"),
    ({"filters": '[["fare", ">", "much"]]'}, "fare"),
    ({"filters": '"plate"'}, None),
    ({"fields": '["plate", "nope"]'}, "nope"),
    ({"order_by": "name; drop table trip"}, "order_by"),
    ({"order_by": "plate sideways"}, "order_by"),
    ({"limit_page_length": "-1"}, "limit_page_length"),
    ({"limit_start": "ten"}, "limit_start"),
])
def test_bad_list_parameters_are_a_400_naming_the_problem(trips, params, field):
    response = trips.get("/api/resource/Trip", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["exc_type"] == "BadRequest"
    if field:
        assert response.json().get("field") == field


def test_unknown_doctype_document_and_method_are_404(trips):
    assert trips.get("/api/resource/Nope").status_code == 404
    assert trips.get("/api/resource/Trip/TRIP-404").status_code == 404
    assert trips.get("/api/method/core.nope").status_code == 404
