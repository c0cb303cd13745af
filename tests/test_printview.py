"""Every document prints: the generated format from metadata, as HTML and as PDF."""

from tests.doctypes import create_trip_doctypes


def test_a_metadata_only_doctype_prints_its_fields_and_rows(tenant, other_tenant, api):
    create_trip_doctypes(api)
    name = api.post("/api/resource/Trip", json={
        "plate": "KA-01-99", "fare": "1234.5", "night": 1,
        "stops": [{"place": "Depot", "wait_minutes": 5}, {"place": "Airport"}]}
    ).json()["data"]["name"]
    html = api.get(f"/printview/Trip/{name}").text
    assert "KA-01-99" in html and "1,234.50" in html and "Airport" in html
    assert "DRAFT" in html.upper()
    pdf = api.get(f"/printview/Trip/{name}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and len(pdf.content) > 5000
    with other_tenant.client(headers=other_tenant.auth) as other:
        other.post("/api/resource/DocType", json={
            "name": "Trip", "module": "Fleet", "custom": 1,
            "fields": [{"fieldname": "plate", "fieldtype": "Data"}]})
        assert other.get(f"/printview/Trip/{name}.pdf").status_code == 404
    with tenant.client(follow_redirects=False) as anonymous:
        browser = anonymous.get(f"/printview/Trip/{name}.pdf")
        assert browser.status_code == 303 and browser.headers["location"].startswith("/login")
        script = anonymous.get(f"/printview/Trip/{name}.pdf",
                               headers={"Accept": "application/json"})
        assert script.status_code == 401
