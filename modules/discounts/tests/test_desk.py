"""The desk: schemes and coupons made in their forms, and an invoice draft saved again
from its form (which does not post the hidden scheme fields) keeps one discount and one
free line.

    Furniture 10% off and a Notebook free per 2 Pens (stackable).
    2 Chairs at 1,049.50 - 10% = 944.55 = 1,889.10; 2 Pens at 25.00 = 50.00;
    1 Notebook free: 1,939.10 however often the draft is saved.
"""

import re

from core import lifecycle
from core.db import query
from modules.discounts.tests.builders import D, invoice, line_view, scheme, shop
from tests.fixtures import PASSWORD


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def logged_in(handle):
    web = handle.client(follow_redirects=False)
    page = web.get("/login")
    web.post("/login", data={"usr": "admin", "pwd": PASSWORD,
                             "csrf_token": csrf(page.text), "next": "/app"})
    return web


def test_schemes_and_coupons_from_their_forms_and_a_draft_saved_again(site):
    handle = shop(site)
    with handle.tx() as ctx:
        pens = scheme(ctx, "Pens: notebook free", items=["PEN"], min_qty=2,
                      discount_type="Free Item", free_item="NOTEBOOK", free_qty=1,
                      stackable=1)
    with logged_in(handle) as web:
        form = web.get("/app/Promotional Scheme/new").text
        for label in ("Apply On", "Discount Type", "Stacks on Other Offers",
                      "Only With a Coupon", "Repeat per Multiple of Min Qty"):
            assert label in form
        saved = web.post("/app/Promotional Scheme/new", data={
            "csrf_token": csrf(form), "title": "Furniture 10%", "company": "Pune Furniture",
            "apply_on": "Item Group", "discount_type": "Discount Percentage",
            "discount_percentage": "10", "items-present": "1",
            "items-0-item_group": "Furniture"})
        assert saved.status_code == 303, saved.text
        furniture = saved.headers["location"].split("/")[-1].split("?")[0]
        form = web.get("/app/Coupon Code/new").text
        assert web.post("/app/Coupon Code/new", data={
            "csrf_token": csrf(form), "coupon_code": "desk5",
            "promotional_scheme": furniture, "coupon_type": "Multi Use",
            "max_uses": "5"}).status_code == 303
        assert "DESK5" in web.get("/app/Coupon Code").text
        with handle.tx() as ctx:
            draft = invoice(ctx, [("CHAIR", 2), ("PEN", 2)], docstatus=0)
        expected = [("CHAIR", D("2"), D("944.55"), D("1889.10"), furniture, 0),
                    ("PEN", D("2"), D("25.00"), D("50.00"), None, 0),
                    ("NOTEBOOK", D("1"), D("0.00"), D("0.00"), pens, 1)]
        assert line_view(draft) == expected
        page = web.get(f"/app/Sales Invoice/{draft.name}").text
        assert "Coupon Code" in page and "Promotional Scheme" in page
        rows = {"items-present": "1"}
        for i, row in enumerate(draft.items):
            rows |= {f"items-{i}-name": row.name, f"items-{i}-item_code": row.item_code,
                     f"items-{i}-qty": str(row.qty), f"items-{i}-rate": str(row.rate)}
        edited = web.post(f"/app/Sales Invoice/{draft.name}",
                          data={"csrf_token": csrf(page), **rows})
        assert edited.status_code == 303, edited.text
    with handle.tx() as ctx:
        again = lifecycle.get_doc(ctx, "Sales Invoice", draft.name)
        assert line_view(again) == expected
        assert again.grand_total == D("1939.10")
        assert query.get_value(ctx, "Coupon Code", "DESK5", "company") == "Pune Furniture"
