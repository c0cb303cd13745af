"""Logins, sessions, CSRF, lock-out, roles and record restrictions."""

from core.auth.api_keys import issue_api_key
from tests.doctypes import create_trip_doctypes
from tests.fixtures import PASSWORD


def login(client, password=PASSWORD, user="admin"):
    return client.post("/api/method/login", json={"usr": user, "pwd": password})


def test_a_session_cookie_needs_the_csrf_token_for_changes(tenant):
    with tenant.client() as web:
        response = login(web)
        assert response.status_code == 200
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        token = response.json()["csrf_token"]
        assert web.get("/api/resource/Role").status_code == 200
        refused = web.post("/api/resource/Role", json={"role_name": "Driver"})
        assert refused.status_code == 403
        made = web.post("/api/resource/Role", json={"role_name": "Driver"},
                        headers={"X-Frappe-CSRF-Token": token})
        assert made.status_code == 200
        assert web.post("/api/method/logout", headers={"X-Frappe-CSRF-Token": token}
                        ).status_code == 200
        assert web.get("/api/resource/Role").status_code == 401


def test_repeated_failed_logins_lock_the_login(tenant):
    with tenant.client() as web:
        for _ in range(5):
            assert login(web, "wrong-password").status_code == 401
        locked = login(web)
        assert locked.status_code == 429 and locked.json()["exc_type"] == "LoginLocked"


def test_a_role_without_write_rights_can_only_read(tenant, api):
    create_trip_doctypes(api)
    api.post("/api/resource/Role", json={"role_name": "Dispatcher"})
    api.put("/api/resource/DocType/Trip", json={"permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Dispatcher", "read": 1}]})
    api.post("/api/resource/User", json={"login": "dina", "full_name": "Dina",
                                         "roles": [{"role": "Dispatcher"}]})
    name = api.post("/api/resource/Trip", json={"plate": "KA-1"}).json()["data"]["name"]
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, "dina")
    with tenant.client(headers={"Authorization": f"token {key}:{secret}"}) as dina:
        assert dina.get(f"/api/resource/Trip/{name}").status_code == 200
        assert dina.post("/api/resource/Trip", json={"plate": "X"}).status_code == 403
        assert dina.put(f"/api/resource/Trip/{name}", json={"plate": "X"}).status_code == 403
        assert dina.delete(f"/api/resource/Trip/{name}").status_code == 403
        assert dina.get("/api/resource/User").status_code == 403
    assert api.get(f"/api/resource/Trip/{name}").json()["data"]["plate"] == "KA-1"
    assert api.get("/api/method/core.get_count", params={"doctype": "Trip"}
                   ).json()["message"] == 1


def test_a_user_limited_to_some_records_sees_only_those(tenant, api):
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
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, "vik")
    with tenant.client(headers={"Authorization": f"token {key}:{secret}"}) as vik:
        assert vik.get("/api/resource/Branch").json()["data"] == [{"name": "Pune"}]
        assert vik.get("/api/resource/Branch/Mumbai").status_code == 403
        assert vik.get("/api/method/core.get_count",
                       params={"doctype": "Branch"}).json()["message"] == 1
