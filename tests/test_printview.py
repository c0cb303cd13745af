"""Every document prints: the generated format from metadata, as HTML and as PDF."""

import io

from pypdf import PdfReader

from core.auth.api_keys import issue_api_key
from tests.doctypes import create_trip_doctypes


def make_trip(api, **values):
    return api.post("/api/resource/Trip", json={
        "plate": "KA-01-99", "fare": "1234.5", "night": 1, "passengers": 12000,
        "notes": "Gate 3\nCall on arrival",
        "stops": [{"place": "Depot", "wait_minutes": 5}, {"place": "Airport"}]} | values
    ).json()["data"]["name"]


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def client_for(tenant, user):
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, user)
    return tenant.client(headers={"Authorization": f"token {key}:{secret}"})


def test_a_metadata_only_doctype_prints_its_fields_and_rows(tenant, api):
    create_trip_doctypes(api)
    name = make_trip(api)
    html = api.get(f"/printview/Trip/{name}").text
    assert "KA-01-99" in html and "1,234.50" in html and "12,000" in html
    assert "<td>Depot</td>" in html and "<td>Airport</td>" in html
    assert "DRAFT" in html.upper() and tenant.name in html
    assert "Gate 3\nCall on arrival" in html  # a text field keeps its lines
    pdf = api.get(f"/printview/Trip/{name}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert name in text and "Airport" in text and "Page 1 of 1" in text


def test_a_cancelled_document_prints_as_cancelled(api):
    create_trip_doctypes(api)
    name = make_trip(api, docstatus=1)
    assert api.put(f"/api/resource/Trip/{name}", json={"docstatus": 2}).status_code == 200
    html = api.get(f"/printview/Trip/{name}").text
    assert 'class="watermark">CANCELLED<' in html and "DRAFT" not in html


def test_a_core_doctype_prints_in_the_generated_format(tenant, api):
    html = api.get("/printview/User/admin").text
    assert "<h1>User</h1>" in html and "admin" in html


def test_another_tenant_cannot_print_the_document(tenant, other_tenant, api):
    create_trip_doctypes(api)
    name = make_trip(api)
    with other_tenant.client(headers=other_tenant.auth) as other:
        create_trip_doctypes(other)
        assert other.get(f"/printview/Trip/{name}.pdf").status_code == 404
        assert other.get(f"/printview/Trip/{name}").status_code == 404
    with tenant.client(headers=other_tenant.auth | {"Accept": "application/json"}) as key:
        assert key.get(f"/printview/Trip/{name}.pdf").status_code == 401  # key of another host


def test_printing_needs_a_login_and_the_right_to_read(tenant, api):
    create_trip_doctypes(api)
    name = make_trip(api)
    with tenant.client(follow_redirects=False) as anonymous:
        browser = anonymous.get(f"/printview/Trip/{name}.pdf")
        assert browser.status_code == 303 and browser.headers["location"].startswith("/login")
        script = anonymous.get(f"/printview/Trip/{name}.pdf",
                               headers={"Accept": "application/json"})
        assert script.status_code == 401
    api.post("/api/resource/Role", json={"role_name": "Clerk"})
    api.post("/api/resource/User", json={"login": "dina", "roles": [{"role": "Clerk"}]})
    with client_for(tenant, "dina") as dina:
        assert dina.get(f"/printview/Trip/{name}.pdf").status_code == 403


def test_a_user_restricted_to_other_records_cannot_print_this_one(tenant, api):
    api.post("/api/resource/Role", json={"role_name": "Viewer"})
    api.post("/api/resource/DocType", json={
        "name": "Branch", "module": "Org", "custom": 1, "autoname": "field:branch_name",
        "fields": [{"fieldname": "branch_name", "fieldtype": "Data", "reqd": 1}],
        "permissions": [{"role": "Viewer", "read": 1}]})
    for branch in ("Pune", "Mumbai"):
        api.post("/api/resource/Branch", json={"branch_name": branch})
    api.post("/api/resource/User", json={"login": "vik", "roles": [{"role": "Viewer"}]})
    api.post("/api/resource/User Permission", json={"user": "vik", "allow": "Branch",
                                                    "for_value": "Pune"})
    with client_for(tenant, "vik") as vik:
        assert vik.get("/printview/Branch/Pune").status_code == 200
        assert vik.get("/printview/Branch/Mumbai").status_code == 403


def test_a_missing_document_or_doctype_is_not_found(api):
    assert api.get("/printview/User/nobody").status_code == 404
    assert api.get("/printview/No Such Type/x.pdf").status_code == 404


def test_a_name_outside_ascii_still_downloads_with_its_name(api):
    api.post("/api/resource/DocType", json={
        "name": "Branch", "module": "Org", "custom": 1, "autoname": "field:branch_name",
        "fields": [{"fieldname": "branch_name", "fieldtype": "Data", "reqd": 1}]})
    api.post("/api/resource/Branch", json={"branch_name": "पुणे Café"})
    pdf = api.get("/printview/Branch/पुणे Café.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "filename*=UTF-8''%E0%A4%AA" in pdf.headers["content-disposition"]
