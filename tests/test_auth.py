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


def test_logout_ends_the_session_on_the_server(tenant):
    with tenant.client() as web:
        token = login(web).json()["csrf_token"]
        sid = web.cookies.get("sid")
        assert web.post("/api/method/logout", headers={"X-Frappe-CSRF-Token": token}
                        ).status_code == 200
    with tenant.client(cookies={"sid": sid}) as replay:
        assert replay.get("/api/resource/Role").status_code == 401


def test_a_wrong_password_or_secret_is_refused(tenant):
    with tenant.client() as web:
        refused = login(web, "wrong-password")
        assert refused.status_code == 401 and "sid" not in web.cookies
        assert login(web, user="nobody").status_code == 401
    key = tenant.token.split(":")[0]
    with tenant.client(headers={"Authorization": f"token {key}:{'0' * 32}"}) as forged:
        assert forged.get("/api/resource/User").status_code == 401


def test_repeated_failed_logins_lock_the_login(tenant):
    with tenant.client() as web:
        for _ in range(4):
            assert login(web, "wrong-password").status_code == 401
        assert login(web, "wrong-password").status_code == 401  # the 5th failure locks
        locked = login(web)
        assert locked.status_code == 429 and locked.json()["exc_type"] == "LoginLocked"
        assert "sid" not in web.cookies


def test_a_successful_login_forgets_earlier_failures(tenant):
    with tenant.client() as web:
        for _ in range(4):
            assert login(web, "wrong-password").status_code == 401
        assert login(web).status_code == 200
        for _ in range(4):
            assert login(web, "wrong-password").status_code == 401
        assert login(web).status_code == 200


def test_a_locked_login_of_one_tenant_does_not_lock_another(tenant, other_tenant):
    with tenant.client() as web:
        for _ in range(5):
            login(web, "wrong-password")
        assert login(web).status_code == 429
    with other_tenant.client() as web:
        assert login(web).status_code == 200


def test_a_disabled_user_can_neither_log_in_nor_use_a_key(tenant, api):
    api.post("/api/resource/User", json={"login": "olga", "password": PASSWORD,
                                         "roles": [{"role": "System Manager"}]})
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, "olga")
    assert api.put("/api/resource/User/olga", json={"enabled": 0}).status_code == 200
    with tenant.client() as web:
        assert login(web, user="olga").status_code == 401
    with tenant.client(headers={"Authorization": f"token {key}:{secret}"}) as olga:
        assert olga.get("/api/resource/User").status_code == 401


def make_user(tenant, api, login_name, roles):
    made = api.post("/api/resource/User", json={
        "login": login_name, "roles": [{"role": r} for r in roles]})
    assert made.status_code == 200, made.text
    with tenant.tx() as ctx:
        key, secret = issue_api_key(ctx, login_name)
    return tenant.client(headers={"Authorization": f"token {key}:{secret}"})


def test_a_role_without_write_rights_can_only_read(tenant, api):
    create_trip_doctypes(api)
    api.post("/api/resource/Role", json={"role_name": "Dispatcher"})
    api.put("/api/resource/DocType/Trip", json={"permissions": [
        {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
         "submit": 1, "cancel": 1},
        {"role": "Dispatcher", "read": 1}]})
    name = api.post("/api/resource/Trip", json={"plate": "KA-1"}).json()["data"]["name"]
    done = api.post("/api/resource/Trip", json={"plate": "KA-2", "docstatus": 1}
                    ).json()["data"]["name"]
    with make_user(tenant, api, "dina", ["Dispatcher"]) as dina:
        assert dina.get(f"/api/resource/Trip/{name}").json()["data"]["plate"] == "KA-1"
        assert dina.get("/api/method/core.get_count", params={"doctype": "Trip"}
                        ).json()["message"] == 2
        assert dina.post("/api/resource/Trip", json={"plate": "X"}).status_code == 403
        assert dina.put(f"/api/resource/Trip/{name}", json={"plate": "X"}).status_code == 403
        assert dina.post(f"/api/resource/Trip/{name}/submit").status_code == 403
        assert dina.post(f"/api/resource/Trip/{done}/cancel").status_code == 403
        assert dina.delete(f"/api/resource/Trip/{name}").status_code == 403
        assert dina.get("/api/resource/User").status_code == 403
        paths = dina.get("/api/openapi.json").json()["paths"]
        assert "/api/resource/Trip" in paths and "/api/resource/User" not in paths
    trips = api.get("/api/resource/Trip", params={
        "fields": '["name", "plate", "docstatus"]', "order_by": "name asc"}).json()["data"]
    assert trips == [{"name": name, "plate": "KA-1", "docstatus": 0},
                     {"name": done, "plate": "KA-2", "docstatus": 1}]


def test_roles_and_disabling_take_effect_on_the_next_request(tenant, api):
    """Roles are cached per process with the tenant's records: a change is seen by the
    very next request after its commit, never an old copy."""
    create_trip_doctypes(api)
    with make_user(tenant, api, "ravi", ["System Manager"]) as ravi:
        assert ravi.get("/api/resource/Trip").status_code == 200  # roles now cached
        assert api.put("/api/resource/User/ravi", json={"roles": []}).status_code == 200
        assert ravi.get("/api/resource/Trip").status_code == 403
        assert api.put("/api/resource/User/ravi", json={
            "roles": [{"role": "System Manager"}]}).status_code == 200
        assert ravi.get("/api/resource/Trip").status_code == 200
        assert api.put("/api/resource/User/ravi", json={"enabled": 0}).status_code == 200
        assert ravi.get("/api/resource/Trip").status_code == 401


def test_a_user_limited_to_some_records_sees_only_those(tenant, api):
    api.post("/api/resource/Role", json={"role_name": "Viewer"})
    api.post("/api/resource/DocType", json={
        "name": "Branch", "module": "Org", "custom": 1, "autoname": "field:branch_name",
        "fields": [{"fieldname": "branch_name", "fieldtype": "Data", "reqd": 1}],
        "permissions": [{"role": "Viewer", "read": 1}]})
    api.post("/api/resource/DocType", json={
        "name": "Visit", "module": "Org", "custom": 1, "autoname": "hash",
        "fields": [{"fieldname": "branch", "fieldtype": "Link", "options": "Branch"},
                   {"fieldname": "note", "fieldtype": "Data"}],
        "permissions": [{"role": "Viewer", "read": 1, "create": 1}]})
    for branch in ("Pune", "Mumbai"):
        api.post("/api/resource/Branch", json={"branch_name": branch})
        api.post("/api/resource/Visit", json={"branch": branch, "note": branch})
    with make_user(tenant, api, "vik", ["Viewer"]) as vik:
        api.post("/api/resource/User Permission", json={"user": "vik", "allow": "Branch",
                                                        "for_value": "Pune"})
        assert vik.get("/api/resource/Branch").json()["data"] == [{"name": "Pune"}]
        assert vik.get("/api/resource/Branch/Mumbai").status_code == 403
        assert vik.get("/api/resource/Branch/Pune").status_code == 200
        assert vik.get("/api/method/core.get_count",
                       params={"doctype": "Branch"}).json()["message"] == 1
        found = vik.get("/api/method/core.search_link",
                        params={"doctype": "Branch", "txt": ""}).json()["message"]
        assert [f["value"] for f in found] == ["Pune"]
        visits = vik.get("/api/resource/Visit", params={"fields": '["note"]'}).json()
        assert visits["data"] == [{"note": "Pune"}]
        refused = vik.post("/api/resource/Visit", json={"branch": "Mumbai", "note": "x"})
        assert refused.status_code == 403 and refused.json()["field"] == "branch"
    assert api.get("/api/method/core.get_count", params={"doctype": "Visit"}
                   ).json()["message"] == 2
