"""The form's status badge and its Connections panel: what refers to a document, counted
per doctype (fields and child-table fields alike), with links to the filtered lists,
and only for doctypes the user may read.

    Vessel Kestrel. Voyages: 6 by Kestrel, 1 by Osprey escorted by Kestrel, 1 by Osprey
    alone, so 7 refer to Kestrel (by Vessel or by Escort). Four inspections of Kestrel,
    which deckhands may not read. The panel lists the latest three of each. Manifests
    list voyages in a child table: M1 carries V1 and V2, M2 carries V1 twice, M3 carries
    V2, so V1 has 2 manifests. Berth logs name a vessel or a voyage (a Dynamic Link):
    two name Kestrel, one names V1.
"""

import re

import pytest

from tests.test_desk_views import log_in

ROLE = "Deckhand"
READ = [{"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1}, {"role": ROLE, "read": 1}]
DOCTYPES = [
    {"name": "Vessel", "module": "Fleet", "custom": 1, "autoname": "field:vessel_name",
     "fields": [{"fieldname": "vessel_name", "fieldtype": "Data", "reqd": 1}],
     "permissions": READ},
    {"name": "Voyage", "module": "Fleet", "custom": 1, "autoname": "VOY-.####",
     "fields": [{"fieldname": "vessel", "fieldtype": "Link", "options": "Vessel",
                 "label": "Vessel", "in_standard_filter": 1, "in_list_view": 1},
                {"fieldname": "escort", "fieldtype": "Link", "options": "Vessel",
                 "label": "Escort"},
                {"fieldname": "status", "fieldtype": "Select", "label": "Status",
                 "options": "Planned\nSailing\nCompleted", "default": "Planned"}],
     "permissions": READ},
    {"name": "Inspection", "module": "Fleet", "custom": 1, "autoname": "INS-.####",
     "fields": [{"fieldname": "vessel", "fieldtype": "Link", "options": "Vessel",
                 "label": "Vessel"}],
     "permissions": READ[:1]},
    {"name": "Berth Log", "module": "Fleet", "custom": 1, "autoname": "LOG-.####",
     "fields": [{"fieldname": "ref_type", "fieldtype": "Select", "label": "Type",
                 "options": "Vessel\nVoyage"},
                {"fieldname": "ref_name", "fieldtype": "Dynamic Link", "options": "ref_type",
                 "label": "Logged"}],
     "permissions": READ},
    {"name": "Manifest Line", "module": "Fleet", "custom": 1, "istable": 1,
     "fields": [{"fieldname": "voyage", "fieldtype": "Link", "options": "Voyage",
                 "label": "Voyage", "in_list_view": 1}]},
    {"name": "Manifest", "module": "Fleet", "custom": 1, "autoname": "MAN-.####",
     "is_submittable": 1,
     "fields": [{"fieldname": "port", "fieldtype": "Data", "label": "Port"},
                {"fieldname": "lines", "fieldtype": "Table", "options": "Manifest Line",
                 "label": "Lines"}],
     "permissions": READ},
]


def panel(html: str) -> dict[str, tuple[int, str, list[str]]]:
    """Connections shown: doctype -> (count, its list link if it refers one way only,
    the document names listed)."""
    if '<section class="connections"' not in html:
        return {}
    section = html[html.index('<section class="connections"'):]
    section = section[:section.index("</section>")]
    groups = {}
    for block in section.split('<div class="connection">')[1:]:
        url, doctype, count = re.search(
            r'<div class="connection-head">(?:<a href="([^"]+)">|<span>)([^<]+)</(?:a|span)>'
            r'<span class="count"[^>]*>(\d+)</span>', block).groups()
        names = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', block)
        groups[doctype] = (int(count), (url or "").replace("&amp;", "&"), names)
    return groups


@pytest.fixture
def fleet(tenant, api):
    api.post("/api/resource/Role", json={"role_name": ROLE})
    for definition in DOCTYPES:
        made = api.post("/api/resource/DocType", json=definition)
        assert made.status_code == 200, made.text
    for name in ("Kestrel", "Osprey"):
        api.post("/api/resource/Vessel", json={"vessel_name": name})
    voyages = [api.post("/api/resource/Voyage", json=values).json()["data"]["name"]
               for values in [{"vessel": "Kestrel", "status": "Sailing"}] * 6 + [
                   {"vessel": "Osprey", "escort": "Kestrel"}, {"vessel": "Osprey"}]]
    for _ in range(4):
        api.post("/api/resource/Inspection", json={"vessel": "Kestrel"})
    v1, v2 = voyages[:2]
    logs = [api.post("/api/resource/Berth Log", json={"ref_type": kind, "ref_name": name}
                     ).json()["data"]["name"]
            for kind, name in (("Vessel", "Kestrel"), ("Vessel", "Kestrel"), ("Voyage", v1))]
    manifests = [api.post("/api/resource/Manifest", json={
        "port": port, "lines": [{"voyage": v} for v in lines], "docstatus": status}
    ).json()["data"]["name"] for port, lines, status in (
        ("Kochi", [v1, v2], 1), ("Goa", [v1, v1], 0), ("Pune", [v2], 0))]
    return voyages, manifests, logs


def test_the_panel_counts_each_linking_doctype_and_links_to_its_list(tenant, fleet):
    voyages, manifests, logs = fleet
    with tenant.client(follow_redirects=False) as web:
        log_in(web)
        kestrel = panel(web.get("/app/Vessel/Kestrel").text)
        assert list(kestrel) == ["Berth Log", "Inspection", "Voyage"]
        # a Dynamic Link naming the vessel counts; the list cannot filter by it, so the
        # documents are listed by name and the group has no list link
        assert kestrel["Berth Log"] == (2, "", [logs[1], logs[0]])
        count, url, names = kestrel["Inspection"]
        assert (count, url, len(names)) == (4, "/app/Inspection?vessel=Kestrel", 3)
        html = web.get("/app/Vessel/Kestrel").text
        assert '<a class="more" href="/app/Inspection?vessel=Kestrel">All 4 →</a>' in html
        count, url, names = kestrel["Voyage"]
        assert count == 7 and len(names) == 3 and url == ""  # the latest three of all 7
        assert set(names) <= set(voyages[:7]) and voyages[7] not in names
        for way in ("vessel", "escort"):  # two ways to refer: a list for each
            assert f'href="/app/Voyage?{way}=Kestrel">{way.title()}</a>' in html
        escorted = web.get("/app/Voyage?escort=Kestrel").text
        assert "1–1 of 1" in escorted and voyages[6] in escorted
        assert 'class="chip">Escort <b>Kestrel</b>' in escorted

        v1 = panel(web.get(f"/app/Voyage/{voyages[0]}").text)
        assert v1 == {"Berth Log": (1, "", [logs[2]]),
                      "Manifest": (2, f"/app/Manifest?lines.voyage={voyages[0]}",
                                   [manifests[1], manifests[0]])}
        carrying = web.get(f"/app/Manifest?lines.voyage={voyages[0]}").text
        listed = re.findall(r'<td class="name-cell"><a href="/app/Manifest/([^"]+)">', carrying)
        assert sorted(listed) == sorted(manifests[:2])
        assert panel(web.get(f"/app/Voyage/{voyages[7]}").text) == {}
        assert panel(web.get("/app/Vessel/new").text) == {}


def test_a_doctype_the_user_may_not_read_is_left_out(tenant, api, fleet):
    api.post("/api/resource/User", json={"login": "deck", "password": "deck-pass-1234",
                                         "roles": [{"role": ROLE}]})
    with tenant.client(follow_redirects=False) as web:
        assert log_in(web, "deck", "deck-pass-1234").status_code == 303
        kestrel = panel(web.get("/app/Vessel/Kestrel").text)
        assert list(kestrel) == ["Berth Log", "Voyage"] and kestrel["Voyage"][0] == 7
        assert web.get("/app/Inspection?vessel=Kestrel").status_code == 403


def test_the_status_badge_shows_the_status_word_else_the_document_state(tenant, fleet):
    voyages, manifests, logs = fleet
    with tenant.client(follow_redirects=False) as web:
        log_in(web)
        sailing = web.get(f"/app/Voyage/{voyages[0]}").text
        assert '<span class="badge tone-blue big" title="Status">Sailing</span>' in sailing
        submitted = web.get(f"/app/Manifest/{manifests[0]}").text
        assert '<span class="badge tone-green big" title="Status">Submitted</span>' in \
            submitted
        draft = web.get(f"/app/Manifest/{manifests[1]}").text
        assert '<span class="badge tone-orange big" title="Status">Draft</span>' in draft
        assert 'title="Status"' not in web.get("/app/Vessel/Kestrel").text
        listing = web.get("/app/Voyage").text
        assert listing.count('<span class="badge tone-blue">Sailing</span>') == 6
        assert listing.count('<span class="badge tone-blue">Planned</span>') == 2
