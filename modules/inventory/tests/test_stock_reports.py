"""Stock ledger and reorder suggestions.

    Screws: reorder level 50 in Stores, reorder qty 200. Received 120, issued 90:
    30 left, 20 below the level, so order 200 (more than the 20 short).
"""


from core import lifecycle
from modules.inventory.tests.builders import CO, STORES, make_item, stock_books


def test_stock_ledger_and_reorder_suggestions(site):
    handle = stock_books(site)
    with handle.tx() as ctx:
        make_item(ctx, "SCREW", "Consumable", reorder_levels=[
            {"warehouse": STORES, "warehouse_reorder_level": 50,
             "warehouse_reorder_qty": 200}])
        for kind, qty, extra in (("Material Receipt", 120, {"basic_rate": "1.25",
                                                            "t_warehouse": STORES}),
                                 ("Material Issue", 90, {"s_warehouse": STORES})):
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Stock Entry", {
                "stock_entry_type": kind, "company": CO, "posting_date": "2026-05-04",
                "docstatus": 1, "items": [{"item_code": "SCREW", "qty": qty, **extra}]}))
    with handle.client(headers=handle.auth) as api:
        ledger = api.get("/api/method/inventory.stock_ledger", params={
            "company": CO, "from_date": "2026-05-01", "to_date": "2026-05-31",
            "item_code": "SCREW"}).json()["message"]["rows"]
        assert [(r["actual_qty"], r["qty_after_transaction"], r["stock_value"])
                for r in ledger] == [(120.0, 120.0, 150.0), (-90.0, 30.0, 37.5)]
        reorder = api.get("/api/method/inventory.reorder_suggestions",
                          params={"company": CO}).json()["message"]["rows"]
        assert [(r["item_code"], r["projected_qty"], r["qty_to_order"]) for r in reorder] == [
            ("SCREW", 30.0, 200.0)]
        page = api.get("/api/report/inventory.reorder_suggestions", params={"company": CO})
        assert page.status_code == 200
