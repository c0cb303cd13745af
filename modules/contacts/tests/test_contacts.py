"""The contacts module: a standard module's doctypes, controller, roles and demo data."""

from core.db import query
from tenants.provisioning import install_modules
from tests.conftest import make_tenant


def test_contact_full_name_is_built_from_first_and_last_name(site):
    handle = make_tenant(site, modules=["contacts"])
    with handle.client(headers=handle.auth) as api:
        created = api.post("/api/resource/Contact", json={
            "first_name": "Asha", "last_name": "Rao", "email_id": "asha@example.com",
            "phone_nos": [{"phone": "+91 98450 11223", "kind": "Work"}]})
        assert created.status_code == 200, created.text
        data = created.json()["data"]
        assert data["full_name"] == "Asha Rao"
        assert [(p["phone"], p["kind"]) for p in data["phone_nos"]] == [
            ("+91 98450 11223", "Work")]
        bad = api.post("/api/resource/Contact", json={"first_name": "X", "email_id": "nope"})
        assert bad.status_code == 422 and bad.json()["field"] == "email_id"


def test_installing_contacts_adds_its_role_and_demo_data(site):
    handle = make_tenant(site, modules=[])
    with handle.tx() as ctx:
        assert "contacts" not in ctx.tenant.modules
        assert install_modules(ctx, ["contacts"], demo=True) == ["contacts"]
        assert query.exists(ctx, "Role", "Contacts User")
        assert query.count(ctx, "Address") == 3
        people = query.select_rows(ctx, "Contact", fields=["full_name", "address"],
                                   order_by="full_name asc")
        assert [p["full_name"] for p in people] == [
            "Asha Rao", "Meera Iyer", "Rahul Deshpande", "Vikram Shah"]
        assert all(p["address"] for p in people)


def test_doctypes_of_a_module_not_installed_are_not_found(site):
    handle = make_tenant(site, modules=[])
    with handle.client(headers=handle.auth) as api:
        response = api.get("/api/resource/Contact")
        assert response.status_code == 404
        assert response.json()["exc_type"] == "DoesNotExist"
