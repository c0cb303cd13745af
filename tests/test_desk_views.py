"""The desk's list and form views in detail: paging, filters, every field type, conflicts,
row errors, restricted users, single doctypes, logging out and error pages."""

import re
from html import unescape

import pytest

from tests.fixtures import PASSWORD

SPECIMEN_ROW = {
    "name": "Specimen Line", "module": "Lab", "custom": 1, "istable": 1,
    "fields": [
        {"fieldname": "sample", "fieldtype": "Data", "label": "Sample", "in_list_view": 1},
        {"fieldname": "grams", "fieldtype": "Float", "label": "Grams", "in_list_view": 1},
        {"fieldname": "lab_note", "fieldtype": "Data", "label": "Lab Note"},
    ],
}

SPECIMEN = {
    "name": "Specimen", "module": "Lab", "custom": 1, "autoname": "SPC-.####",
    "title_field": "title",
    "fields": [
        {"fieldname": "title", "fieldtype": "Data", "label": "Title", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "zone", "fieldtype": "Select", "label": "Zone", "options": "North\nSouth",
         "in_list_view": 1, "in_standard_filter": 1},
        {"fieldname": "weight", "fieldtype": "Float", "label": "Weight", "in_list_view": 1},
        {"fieldname": "column_a", "fieldtype": "Column Break"},
        {"fieldname": "count", "fieldtype": "Int", "label": "Count"},
        {"fieldname": "price", "fieldtype": "Currency", "label": "Price"},
        {"fieldname": "share", "fieldtype": "Percent", "label": "Share"},
        {"fieldname": "fragile", "fieldtype": "Check", "label": "Fragile"},
        {"fieldname": "section_when", "fieldtype": "Section Break", "label": "When and Who"},
        {"fieldname": "on_date", "fieldtype": "Date", "label": "On"},
        {"fieldname": "at", "fieldtype": "Datetime", "label": "At"},
        {"fieldname": "slot", "fieldtype": "Time", "label": "Slot"},
        {"fieldname": "column_b", "fieldtype": "Column Break"},
        {"fieldname": "owner_user", "fieldtype": "Link", "options": "User", "label": "Keeper"},
        {"fieldname": "ref_type", "fieldtype": "Data", "label": "Ref Type"},
        {"fieldname": "ref_name", "fieldtype": "Dynamic Link", "options": "ref_type",
         "label": "Ref"},
        {"fieldname": "code", "fieldtype": "Read Only", "label": "Code"},
        {"fieldname": "section_text", "fieldtype": "Section Break", "label": "Notes"},
        {"fieldname": "summary", "fieldtype": "Small Text", "label": "Summary"},
        {"fieldname": "notes", "fieldtype": "Text", "label": "Notes Text"},
        {"fieldname": "story", "fieldtype": "Long Text", "label": "Story"},
        {"fieldname": "body", "fieldtype": "Text Editor", "label": "Body"},
        {"fieldname": "extra", "fieldtype": "JSON", "label": "Extra"},
        {"fieldname": "scan", "fieldtype": "Attach", "label": "Scan"},
        {"fieldname": "pin", "fieldtype": "Password", "label": "PIN"},
        {"fieldname": "lines", "fieldtype": "Table", "options": "Specimen Line",
         "label": "Lines"},
    ],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                     "delete": 1}],
}


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(web, user: str = "admin", password: str = PASSWORD):  # noqa: ANN001, ANN201
    page = web.get("/login")
    return web.post("/login", data={"usr": user, "pwd": password,
                                    "csrf_token": csrf(page.text), "next": "/app"})


@pytest.fixture
def lab(tenant, api):
    for definition in (SPECIMEN_ROW, SPECIMEN):
        assert api.post("/api/resource/DocType", json=definition).status_code == 200
    with tenant.client(follow_redirects=False) as web:
        assert log_in(web).status_code == 303
        yield web


def rows_of(html: str) -> list[str]:
    """The document names a list page links to, in order."""
    return re.findall(r'<td class="name-cell"><a href="/app/Specimen/([^"]+)">', html)


def test_the_list_pages_through_25_documents_20_at_a_time(lab, api):
    for i in range(25):
        api.post("/api/resource/Specimen", json={
            "title": f"Sample {i:02d}", "zone": "North" if i < 10 else "South",
            "weight": 100 - i})
    first = lab.get("/app/Specimen").text
    assert "1–20 of 25" in first and len(rows_of(first)) == 20 and "Page 1 of 2" in first
    second = lab.get("/app/Specimen?page=2").text
    assert "21–25 of 25" in second and len(rows_of(second)) == 5
    assert not set(rows_of(first)) & set(rows_of(second))


def test_the_list_filters_searches_and_sorts(lab, api):
    for title, zone, weight in (("Basalt", "North", 3), ("Chalk", "South", 1),
                                ("Granite", "North", 2)):
        api.post("/api/resource/Specimen", json={"title": title, "zone": zone,
                                                 "weight": weight})
    north = lab.get("/app/Specimen?zone=North").text
    assert "1–2 of 2" in north and "Chalk" not in north and "Basalt" in north
    assert '<option selected>North</option>' in north  # the filter shows what is chosen
    searched = lab.get("/app/Specimen?q=gran").text
    assert "1–1 of 1" in searched and "Granite" in searched and "Basalt" not in searched
    lightest = lab.get("/app/Specimen?order_by=weight asc").text
    titles = re.findall(r"<td class=\"\">(Basalt|Chalk|Granite)</td>", lightest)
    assert titles == ["Chalk", "Granite", "Basalt"]
    heaviest = lab.get("/app/Specimen?order_by=weight desc").text
    assert re.findall(r"<td class=\"\">(Basalt|Chalk|Granite)</td>", heaviest) == [
        "Basalt", "Granite", "Chalk"]
    nothing = lab.get("/app/Specimen?q=marble").text
    assert "No Specimen matches these filters" in nothing and "0 of 0" in nothing


def test_the_form_renders_every_field_type(lab):
    html = lab.get("/app/Specimen/new").text
    expected = [
        r'<input name="title" value="">',
        r'<select name="zone"><option value=""></option><option >North</option>',
        r'<input class="num" inputmode="decimal" name="weight"',
        r'<input class="num" inputmode="decimal" name="count"',
        r'<input class="num" inputmode="decimal" name="price"',
        r'<input class="num" inputmode="decimal" name="share"',
        r'<input type="checkbox" name="fragile" value="1" >',
        r'<input type="date" name="on_date"',
        r'<input type="datetime-local" step="1" name="at"',
        r'<input type="time" step="1" name="slot"',
        r'<input name="owner_user" value="" data-link="User"',
        r'<input name="ref_name" value="">',
        r'<textarea name="summary" rows="2">',
        r'<textarea name="notes" rows="4">',
        r'<textarea name="story" rows="4">',
        r'<textarea name="body" rows="4">',
        r'<textarea class="mono" name="extra" rows="4">',
        r'<input name="scan" value="">',
        r'<input type="password" name="pin" value=""',
        r'<table class="grid child-grid" data-table="lines">',
        r'<h2>When and Who</h2>', r'<h2>Notes</h2>',
    ]
    for snippet in expected:
        assert snippet.replace("<option >", "<option>") in html.replace("<option >", "<option>"), \
            snippet
    assert html.count('class="form-column"') >= 4  # the Column Breaks make columns
    grid = html[html.index('data-table="lines"'):html.index("</table>", html.index(
        'data-table="lines"'))]
    assert "Sample" in grid and "Grams" in grid and "Lab Note" not in grid
    assert 'name="code"' not in html  # Read Only is shown, never posted


def test_a_saved_document_shows_its_values_but_never_its_password(lab, api):
    name = api.post("/api/resource/Specimen", json={
        "title": "Quartz", "pin": "s3cret-pin", "extra": {"hardness": 7},
        "on_date": "2026-03-01", "fragile": 1}).json()["data"]["name"]
    html = lab.get(f"/app/Specimen/{name}").text
    assert "s3cret-pin" not in html and 'placeholder="unchanged"' in html
    assert '{\n  "hardness": 7\n}' in unescape(html)  # JSON indented to edit
    assert 'name="on_date" value="2026-03-01"' in html
    assert 'name="fragile" value="1" checked' in html


def test_saving_keeps_child_fields_the_grid_does_not_show(lab, api):
    name = api.post("/api/resource/Specimen", json={
        "title": "Shale", "lines": [{"sample": "S1", "grams": 5, "lab_note": "wet"}]}
    ).json()["data"]["name"]
    page = lab.get(f"/app/Specimen/{name}").text
    row = re.search(r'name="lines-0-name" value="([^"]+)"', page).group(1)
    modified = re.search(r'name="modified" value="([^"]+)"', page).group(1)
    saved = lab.post(f"/app/Specimen/{name}", data={
        "csrf_token": csrf(page), "modified": modified, "title": "Shale",
        "lines-present": "1", "lines-0-name": row, "lines-0-sample": "S1",
        "lines-0-grams": "6"})
    assert saved.status_code == 303
    lines = api.get(f"/api/resource/Specimen/{name}").json()["data"]["lines"]
    assert [(r["sample"], r["grams"], r["lab_note"]) for r in lines] == [("S1", 6.0, "wet")]


def test_a_bad_value_in_a_child_row_is_shown_at_its_cell(lab, api):
    name = api.post("/api/resource/Specimen", json={
        "title": "Slate", "lines": [{"sample": "S1", "grams": 5}]}).json()["data"]["name"]
    page = lab.get(f"/app/Specimen/{name}").text
    refused = lab.post(f"/app/Specimen/{name}", data={
        "csrf_token": csrf(page), "title": "Slate renamed", "lines-present": "1",
        "lines-0-sample": "S1", "lines-0-grams": "heavy"})
    assert refused.status_code == 422
    assert '<td class="has-error" title="Grams (grams): value' in refused.text
    assert 'value="heavy"' in refused.text and 'value="Slate renamed"' in refused.text
    stored = api.get(f"/api/resource/Specimen/{name}").json()["data"]
    assert stored["title"] == "Slate" and stored["lines"][0]["grams"] == 5.0


def test_a_save_over_someone_elses_newer_change_is_refused(lab, api):
    name = api.post("/api/resource/Specimen", json={"title": "Flint"}).json()["data"]["name"]
    page = lab.get(f"/app/Specimen/{name}").text
    api.put(f"/api/resource/Specimen/{name}", json={"title": "Flint (checked)"})
    stale = lab.post(f"/app/Specimen/{name}", data={
        "csrf_token": csrf(page), "title": "Flint mine",
        "modified": re.search(r'name="modified" value="([^"]+)"', page).group(1)})
    assert stale.status_code == 409
    assert "Someone else saved this document first" in stale.text
    assert "Reload the latest version" in stale.text and 'value="Flint mine"' in stale.text
    assert api.get(f"/api/resource/Specimen/{name}").json()["data"]["title"] == \
        "Flint (checked)"


def test_delete_removes_a_draft_and_returns_to_the_list(lab, api):
    name = api.post("/api/resource/Specimen", json={"title": "Mica"}).json()["data"]["name"]
    page = lab.get(f"/app/Specimen/{name}").text
    assert f'action="/app/Specimen/{name}/delete"' in page
    assert lab.post(f"/app/Specimen/{name}/delete", data={}).status_code == 403
    gone = lab.post(f"/app/Specimen/{name}/delete", data={"csrf_token": csrf(page)})
    assert gone.headers["location"] == "/app/Specimen?deleted=1"
    assert api.get(f"/api/resource/Specimen/{name}").status_code == 404
    missing = lab.get(f"/app/Specimen/{name}")
    assert missing.status_code == 404 and "Not found" in missing.text
    assert "<html" in missing.text  # a page, not JSON


def test_a_single_doctype_opens_as_its_form_and_saves(lab, api):
    api.post("/api/resource/DocType", json={
        "name": "Lab Settings", "module": "Lab", "custom": 1, "issingle": 1,
        "fields": [{"fieldname": "default_zone", "fieldtype": "Data", "label": "Zone"}]})
    page = lab.get("/app/Lab Settings").text
    assert 'name="default_zone"' in page and 'action="/app/Lab%20Settings"' in page
    saved = lab.post("/app/Lab Settings", data={"csrf_token": csrf(page),
                                                 "default_zone": "East"})
    assert saved.headers["location"] == "/app/Lab%20Settings?saved=1"
    stored = api.get("/api/resource/Lab Settings/Lab Settings").json()["data"]
    assert stored["default_zone"] == "East"
    assert "Saved." in lab.get("/app/Lab Settings?saved=1").text


def test_a_restricted_user_sees_only_the_records_allowed(tenant, api):
    api.post("/api/resource/Role", json={"role_name": "Viewer"})
    api.post("/api/resource/DocType", json={
        "name": "Branch", "module": "Org", "custom": 1, "autoname": "field:branch_name",
        "fields": [{"fieldname": "branch_name", "fieldtype": "Data", "reqd": 1,
                    "in_list_view": 1}],
        "permissions": [{"role": "Viewer", "read": 1}]})
    for branch in ("Pune", "Mumbai", "Nagpur"):
        api.post("/api/resource/Branch", json={"branch_name": branch})
    api.post("/api/resource/User", json={"login": "vik", "password": "vik-pass-1234",
                                         "roles": [{"role": "Viewer"}]})
    api.post("/api/resource/User Permission", json={"user": "vik", "allow": "Branch",
                                                    "for_value": "Pune"})
    with tenant.client(follow_redirects=False) as web:
        assert log_in(web, "vik", "vik-pass-1234").status_code == 303
        listing = web.get("/app/Branch").text
        assert "1–1 of 1" in listing and "Pune" in listing and "Mumbai" not in listing
        assert "+ New Branch" not in listing  # no create right, no button
        home = web.get("/app").text
        assert 'href="/app/Branch"' in home and 'href="/app/User"' not in home
        refused = web.get("/app/Branch/Mumbai")
        assert refused.status_code == 403 and "Not permitted" in refused.text
        assert web.get("/app/User").status_code == 403


def test_logging_out_needs_the_token_and_ends_the_session(tenant):
    with tenant.client(follow_redirects=False) as web:
        assert web.get("/").headers["location"] == "/app"
        assert web.get("/app").headers["location"] == "/login?next=/app"
        log_in(web)
        home = web.get("/app")
        assert home.status_code == 200
        assert web.post("/logout", data={}).status_code == 403
        assert web.get("/app").status_code == 200  # still logged in
        out = web.post("/logout", data={"csrf_token": csrf(home.text)})
        assert out.headers["location"] == "/login"
        assert web.get("/app").headers["location"] == "/login?next=/app"


def test_repeated_wrong_passwords_lock_the_login(tenant):
    with tenant.client(follow_redirects=False) as web:
        for _ in range(5):
            assert log_in(web, "admin", "wrong").status_code == 401
        locked = log_in(web, "admin", PASSWORD)
        assert locked.status_code == 429
        assert "Too many failed logins" in locked.text and "sid" not in locked.cookies
        assert 'value="admin"' in locked.text  # the login name is kept in the form


def test_after_login_the_user_lands_on_the_page_asked_for(tenant, api):
    with tenant.client(follow_redirects=False) as web:
        page = web.get("/login?next=/app/User")
        assert 'name="next" value="/app/User"' in page.text
        landed = web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "next": "/app/User",
                                          "csrf_token": csrf(page.text)})
        assert landed.headers["location"] == "/app/User"
        elsewhere = web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                                             "next": "https://evil.example/",
                                             "csrf_token": csrf(web.get("/login").text)})
        assert elsewhere.headers["location"] == "/app"
