"""Bad input of every kind gets a clear 4xx naming the field, and writes nothing."""

import json

import pytest

from tests.doctypes import create_trip_doctypes
from tests.fixtures import make_tenant


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def trips(request):
    """One tenant with the Trip doctypes for the whole file, per backend: bad input writes
    nothing, so the tests cannot disturb each other; each compares counts before/after."""
    handle = make_tenant(request.getfixturevalue(f"{request.param}_site"))
    with handle.client(headers=handle.auth) as api:
        create_trip_doctypes(api)
        yield api


def count(api):
    return api.get("/api/method/core.get_count", params={"doctype": "Trip"}).json()["message"]


@pytest.fixture
def unchanged(trips):
    """Asserts, after the test, that no Trip, child row or version was written."""
    def counts():
        return [trips.get("/api/method/core.get_count", params={"doctype": doctype}
                          ).json()["message"] for doctype in ("Trip", "Trip Stop", "Version")]
    before = counts()
    yield
    assert counts() == before


@pytest.mark.parametrize(("field", "value", "fragment"), [
    ("passengers", "abc", "whole number"),
    ("passengers", 1.5, "whole number"),
    ("km", "x", "number"),
    ("passengers", 2**31, "too large"),
    ("passengers", 10**30, "too large"),
    ("passengers", "Infinity", "whole number"),
    ("fare", "1,2,3e", "number"),
    ("fare", "1,2,3", "commas only between groups of digits"),
    ("fare", "1,5", "commas only between groups of digits"),
    ("fare", True, "number"),
    ("fare", "1e400", "too large"),
    ("trip_date", "2026-13-45", "YYYY-MM-DD"),
    ("trip_date", "2026-02-30", "YYYY-MM-DD"),
    ("trip_date", "2026-11-02 and then some", "YYYY-MM-DD"),
    ("started_at", "yesterday", "date and time"),
    ("night", 7, "0 or 1"),
    ("kind", "Moon", "not one of"),
    ("driver", "nobody", "does not exist"),
    ("meta_json", "{not json", "valid JSON"),
    ("meta_json", {"note": "nul \x00 inside"}, "NUL"),
    ("plate", "X" * 141, "longer than 140"),
    ("plate", None, "required"),
    ("plate", "", "required"),
    ("plate", {"a": 1}, "text"),
    ("plate", "KA\x0001", "NUL"),
    ("notes", "a\x00b", "NUL"),
    ("docstatus", 5, "0, 1 or 2"),
    ("idx", "first", "whole number"),
    ("amended_from", {"a": 1}, "text"),
])
def test_a_bad_value_is_refused_naming_its_field(trips, unchanged, field, value, fragment):
    body = {"plate": "KA-1"} | {field: value}
    response = trips.post("/api/resource/Trip", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert fragment in response.json()["message"]


def test_good_values_are_parsed_to_their_type(trips):
    """The other side of the refusals above: what people really type is accepted."""
    made = trips.post("/api/resource/Trip", json={
        "plate": "KA-1", "passengers": "3", "km": 12, "fare": "1,23,456.50",
        "tip_pct": "12,345.5", "trip_date": "2026-11-02 08:30:00", "night": "yes"})
    assert made.status_code == 200, made.text
    data = made.json()["data"]
    assert (data["passengers"], data["km"], data["fare"], data["tip_pct"]) == (
        3, 12.0, 123456.5, 12345.5)
    assert (data["trip_date"], data["night"]) == ("2026-11-02", 1)


def test_a_required_field_left_out_is_refused(trips, unchanged):
    response = trips.post("/api/resource/Trip", json={"fare": 10})
    assert response.status_code == 422 and response.json()["field"] == "plate"


def test_a_bad_child_row_value_names_its_row(trips, unchanged):
    response = trips.post("/api/resource/Trip", json={
        "plate": "KA-1", "stops": [{"place": "A"}, {"place": "B", "wait_minutes": "soon"}]})
    assert response.status_code == 422
    assert response.json()["field"] == "wait_minutes"
    assert "stops row 2" in response.json()["message"]
    missing = trips.post("/api/resource/Trip", json={"plate": "KA-1", "stops": [{}]})
    assert missing.status_code == 422 and "Stops row 1" in missing.json()["message"]


@pytest.mark.parametrize("stops", ["A", {"place": "A"}, 3, ["Depot"], [[1]]])
def test_a_table_field_takes_a_list_of_objects(trips, unchanged, stops):
    response = trips.post("/api/resource/Trip", json={"plate": "KA-1", "stops": stops})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "stops"


def test_a_bad_value_in_an_update_changes_nothing(trips):
    name = trips.post("/api/resource/Trip", json={
        "plate": "KA-1", "fare": 10, "stops": [{"place": "A"}]}).json()["data"]["name"]
    for body in ({"fare": "ten", "plate": "KA-2"}, {"plate": "KA-2", "stops": "B"},
                 {"plate": "KA-2", "stops": [{"place": "B", "wait_minutes": 1.5}]},
                 {"plate": None}, {"kind": "Moon"}):
        response = trips.put(f"/api/resource/Trip/{name}", json=body)
        assert response.status_code == 422, (body, response.text)
    stored = trips.get(f"/api/resource/Trip/{name}").json()["data"]
    assert (stored["plate"], stored["fare"], stored["kind"]) == ("KA-1", 10.0, "City")
    assert [s["place"] for s in stored["stops"]] == ["A"]


def test_several_bad_values_are_reported_together(trips, unchanged):
    response = trips.post("/api/resource/Trip", json={"plate": "KA", "km": "x",
                                                      "passengers": "y"})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"km", "passengers"}


@pytest.mark.parametrize("body", [b"{bad json", b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_a_malformed_body_is_a_400(trips, unchanged, body):
    response = trips.post("/api/resource/Trip", content=body,
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["exc_type"] == "BadRequest"


def test_a_malformed_update_body_is_a_400_and_changes_nothing(trips):
    name = trips.post("/api/resource/Trip", json={"plate": "KA-1"}).json()["data"]["name"]
    response = trips.put(f"/api/resource/Trip/{name}", content=b'[{"plate": "X"}]',
                         headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert trips.get(f"/api/resource/Trip/{name}").json()["data"]["plate"] == "KA-1"


@pytest.mark.parametrize(("params", "field"), [
    ({"filters": "[[not json"}, "filters"),
    ({"filters": '[["nope", "=", 1]]'}, "nope"),
    ({"filters": '[["plate", "~", 1]]'}, "plate"),
    ({"filters": '[["fare", ">", "much"]]'}, "fare"),
    ({"filters": '"plate"'}, None),
    ({"fields": '["plate", "nope"]'}, "nope"),
    ({"filters": '[["passengers", "=", 100000000000000000000]]'}, "passengers"),
    ({"filters": '[["plate", "=", "a\\u0000b"]]'}, "plate"),
    ({"filters": '[["plate", "between", ["a"]]]'}, "plate"),
    ({"filters": '[["plate", "in", {"a": 1}]]'}, "plate"),
    ({"filters": '[["stops", "=", "x"]]'}, "stops"),
    ({"filters": '[[1, "=", 2]]'}, None),
    ({"fields": '{"plate": 1}'}, "fields"),
    ({"order_by": "name; drop table trip"}, "order_by"),
    ({"order_by": "plate sideways"}, "order_by"),
    ({"order_by": "nope desc"}, "nope"),
    ({"limit_page_length": "-1"}, "limit_page_length"),
    ({"limit_page_length": "1.5"}, "limit_page_length"),
    ({"limit_start": "ten"}, "limit_start"),
    ({"limit_start": "99999999999999999999999"}, "limit_start"),
])
def test_bad_list_parameters_are_a_400_naming_the_problem(trips, params, field):
    response = trips.get("/api/resource/Trip", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["exc_type"] == "BadRequest"
    if field:
        assert response.json().get("field") == field
    assert trips.get("/api/resource/Trip").status_code == 200  # the table is still there


@pytest.mark.parametrize(("method", "params", "field"), [
    ("get_count", {"doctype": "Trip", "filters": "[[not json"}, None),
    ("get_count", {"doctype": "Trip", "filters": '[["nope", "=", 1]]'}, "nope"),
    ("get_count", {"doctype": '["Trip"]'}, "doctype"),
    ("get_count", {}, None),
    ("search_link", {"doctype": "Trip", "page_length": "many"}, "page_length"),
    ("search_link", {"doctype": "Trip", "txt": '["a"]'}, "txt"),
    ("search_link", {"doctype": {"a": 1}}, "doctype"),
])
def test_bad_arguments_to_engine_methods_are_a_400(trips, method, params, field):
    response = trips.get(f"/api/method/core.{method}", params={
        k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()})
    assert response.status_code == 400, response.text
    if field:
        assert response.json().get("field") == field


def test_unknown_doctype_document_and_method_are_404(trips):
    assert trips.get("/api/resource/Nope").status_code == 404
    assert trips.get("/api/resource/Trip/TRIP-404").status_code == 404
    assert trips.get("/api/method/core.nope").status_code == 404
