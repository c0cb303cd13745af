"""Masters: group trees, customers, suppliers and items that every module shares."""

from core.db import query
from tests.conftest import make_tenant


def test_installing_masters_creates_roles_root_groups_and_units(site):
    handle = make_tenant(site, modules=["base"])
    with handle.tx() as ctx:
        assert {"contacts", "base"} <= ctx.tenant.modules
        assert query.exists(ctx, "Role", "Accounts User")
        assert query.get_value(ctx, "Item Group", "All Item Groups", "is_group") == 1
        assert query.get_value(ctx, "Item Group", "Products", "parent_item_group") == \
            "All Item Groups"
        assert query.get_value(ctx, "UOM", "Kg", "must_be_whole_number") == 0


def test_a_group_tree_refuses_a_parent_that_is_not_a_group_and_loops(site):
    handle = make_tenant(site, modules=["base"])
    with handle.client(headers=handle.auth) as api:
        leaf = api.post("/api/resource/Item Group", json={
            "item_group_name": "Chairs", "parent_item_group": "Products"})
        assert leaf.status_code == 422
        assert "Products is not a group" in leaf.json()["message"]
        api.post("/api/resource/Item Group", json={
            "item_group_name": "Furniture", "parent_item_group": "All Item Groups",
            "is_group": 1})
        api.post("/api/resource/Item Group", json={
            "item_group_name": "Seating", "parent_item_group": "Furniture", "is_group": 1})
        loop = api.put("/api/resource/Item Group/Furniture",
                       json={"parent_item_group": "Seating"})
        assert loop.status_code == 422 and "loop" in loop.json()["message"]
        assert api.get("/api/resource/Item Group/Furniture").json()["data"][
            "parent_item_group"] == "All Item Groups"


def test_customer_needs_an_existing_group_and_a_clean_tax_id(site):
    handle = make_tenant(site, modules=["base"])
    with handle.client(headers=handle.auth) as api:
        missing = api.post("/api/resource/Customer", json={
            "customer_name": "Rao Traders", "customer_group": "Nope"})
        assert missing.status_code == 422 and missing.json()["field"] == "customer_group"
        made = api.post("/api/resource/Customer", json={
            "customer_name": "Rao Traders", "customer_group": "Commercial",
            "tax_id": " 29abcde1234f1z5 "})
        assert made.status_code == 200
        assert made.json()["data"]["tax_id"] == "29ABCDE1234F1Z5"
        again = api.post("/api/resource/Customer", json={
            "customer_name": "Rao Traders", "customer_group": "Commercial"})
        assert again.status_code == 409
