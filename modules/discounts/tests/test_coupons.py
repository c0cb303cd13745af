"""Coupon codes: found in any case, used once per submitted document, limited in all
and per customer, refused out of their dates or company, given back on cancel.

    "Welcome 10%" (coupon only): 10% off the whole bill. 2 Pens at 25.00 - 10% = 22.50:
    Debtors 45.00 / Sales 45.00; COGS 2 x 10.00 = 20.00.
"""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import gl_lines, make_company
from modules.discounts.errors import CouponExhausted, CouponInvalid, CouponNotApplicable
from modules.discounts.tests.builders import (
    ANAND,
    COGS,
    DEBTORS,
    RAO,
    SALES,
    STOCK,
    D,
    coupon,
    insert,
    invoice,
    line_view,
    scheme,
    shop,
    stock_of,
    used,
)
from modules.inventory.tests.builders import assert_books_in_step


def welcome(ctx):
    return scheme(ctx, "Welcome 10%", apply_on="Transaction", discount_percentage=10,
                  coupon_only=1)


def history(ctx, code):
    return sorted((r["customer"], r["uses"]) for r in query.select_rows(
        ctx, "Coupon Redemption", fields=["customer", "uses"],
        filters={"coupon_code": code}))


def test_a_single_use_coupon_is_used_once_and_cancel_gives_it_back(site):
    handle = shop(site)
    with handle.tx() as ctx:
        offer = welcome(ctx)
        code = coupon(ctx, "Welcome10", offer)
        assert code == "WELCOME10"
        without = invoice(ctx, [("PEN", 2)], docstatus=0)
        assert without.items[0].rate == D("25.00")  # coupon only: not without it
        sale = invoice(ctx, [("PEN", 2)], coupon_code="welcome10")
        assert sale.coupon_code == "WELCOME10"
        assert line_view(sale) == [("PEN", D("2"), D("22.50"), D("45.00"), offer, 0)]
        assert gl_lines(ctx, sale.name) == sorted([
            (DEBTORS, D("45.00"), D("0.00")), (SALES, D("0.00"), D("45.00")),
            (COGS, D("20.00"), D("0.00")), (STOCK, D("0.00"), D("20.00"))])
        assert used(ctx, code) == 1
        # saved again after submit (only fields allowed after submit change): it used
        # the coupon already, so its last use is not held against it
        lifecycle.save(ctx, lifecycle.get_doc(ctx, "Sales Invoice", sale.name))
        assert used(ctx, code) == 1
    with pytest.raises(CouponExhausted) as refused, handle.tx() as ctx:
        invoice(ctx, [("PEN", 1)], customer=ANAND, coupon_code="WELCOME10")
    assert (refused.value.status, refused.value.field) == (409, "coupon_code")
    with handle.tx() as ctx:
        lifecycle.cancel(ctx, "Sales Invoice", sale.name)
        assert used(ctx, code) == 0
        assert history(ctx, code) == [(RAO, -1), (RAO, 1)]
        assert_books_in_step(ctx)
        # the use is free again: a draft with the coupon is accepted
        again = invoice(ctx, [("PEN", 1)], customer=ANAND, coupon_code="WELCOME10",
                        docstatus=0)
        assert again.grand_total == D("22.50")


def test_a_multi_use_coupon_stops_at_its_limits(site):
    """FEST: 3 uses in all, 2 per customer."""
    handle = shop(site)
    with handle.tx() as ctx:
        code = coupon(ctx, "FEST", welcome(ctx), coupon_type="Multi Use", max_uses=3,
                      per_customer_limit=2)
        invoice(ctx, [("PEN", 1)], coupon_code="FEST")
        invoice(ctx, [("PEN", 1)], coupon_code="FEST")
    with pytest.raises(CouponExhausted, match="limit per customer"), handle.tx() as ctx:
        invoice(ctx, [("PEN", 1)], coupon_code="FEST", docstatus=0)
    with handle.tx() as ctx:
        invoice(ctx, [("PEN", 1)], customer=ANAND, coupon_code="FEST")
    with pytest.raises(CouponExhausted, match="3 time"), handle.tx() as ctx:
        invoice(ctx, [("PEN", 1)], customer=ANAND, coupon_code="FEST")
    with handle.tx() as ctx:
        assert used(ctx, code) == 3
        assert history(ctx, code) == [(ANAND, 1), (RAO, 1), (RAO, 1)]
        assert query.count(ctx, "Sales Invoice") == 3
        assert stock_of(ctx, "PEN") == D("47")
        assert_books_in_step(ctx)


def test_coupons_out_of_date_of_another_company_disabled_or_unknown_are_refused(site):
    handle = shop(site)
    with handle.tx() as ctx:
        offer = welcome(ctx)
        coupon(ctx, "MAYDAY", offer, valid_from="2026-05-01", valid_upto="2026-05-03")
        make_company(ctx, "Mumbai Traders", "MT")
        theirs = insert(ctx, "Promotional Scheme", {
            "title": "Theirs", "company": "Mumbai Traders", "apply_on": "Transaction",
            "discount_percentage": 5}).name
        coupon(ctx, "MUMBAI5", theirs)
        ended = scheme(ctx, "Ended", apply_on="Transaction", discount_percentage=5,
                       disabled=1)
        coupon(ctx, "OFFNOW", ended)
    for code, message in (("MAYDAY", "not valid on 2026-05-04"),
                          ("MUMBAI5", "not valid for Pune Furniture"),
                          ("NOSUCH", "no coupon NOSUCH"), ("OFFNOW", "is disabled")):
        with pytest.raises(CouponInvalid, match=message) as refused, handle.tx() as ctx:
            invoice(ctx, [("PEN", 1)], coupon_code=code)
        assert (refused.value.status, refused.value.field) == (422, "coupon_code")
    with handle.tx() as ctx:
        on_its_last_day = invoice(ctx, [("PEN", 2)], date="2026-05-03",
                                  coupon_code="mayday")
        assert on_its_last_day.grand_total == D("45.00")
        assert query.count(ctx, "Sales Invoice") == 1
        assert query.count(ctx, "Coupon Redemption") == 1
        assert_books_in_step(ctx)


def test_a_coupon_whose_scheme_gives_nothing_is_refused(site):
    handle = shop(site)
    with handle.tx() as ctx:
        chairs = scheme(ctx, "Chairs 5%", items=["CHAIR"], discount_percentage=5,
                        coupon_only=1)
        coupon(ctx, "CHAIRS5", chairs)
    with pytest.raises(CouponNotApplicable), handle.tx() as ctx:
        invoice(ctx, [("PEN", 1)], coupon_code="CHAIRS5")
    with handle.tx() as ctx:
        assert query.count(ctx, "Sales Invoice") == 0
        assert used(ctx, "CHAIRS5") == 0


def test_a_coupon_code_is_unique_whatever_its_case(site):
    handle = shop(site)
    with handle.tx() as ctx:
        coupon(ctx, "SAVE", welcome(ctx))
    with handle.client(headers=handle.auth) as api:
        response = api.post("/api/resource/Coupon Code", json={
            "coupon_code": "save", "promotional_scheme": "PROMO-00001"})
    assert response.status_code == 409, response.text


def test_the_redemption_history_is_not_written_by_hand(site):
    handle = shop(site)
    with handle.tx() as ctx:
        coupon(ctx, "SAVE", welcome(ctx))
    with handle.client(headers=handle.auth) as api:
        response = api.post("/api/resource/Coupon Redemption", json={
            "coupon_code": "SAVE", "customer": RAO, "uses": -5})
    assert (response.status_code, response.json()["exc_type"]) == (
        403, "RedemptionsAreAppendOnly"), response.text
    with handle.tx() as ctx:
        assert query.count(ctx, "Coupon Redemption") == 0


def test_each_tenant_has_its_own_codes(site):
    """Two shops both print SAVE: each tenant's SAVE is its own, used on its own."""
    first, second = shop(site), shop(site)
    for handle in (first, second):
        with handle.tx() as ctx:
            coupon(ctx, "SAVE", welcome(ctx))
    with first.tx() as ctx:
        invoice(ctx, [("PEN", 2)], coupon_code="SAVE")
    with second.tx() as ctx:
        assert used(ctx, "SAVE") == 0
        assert query.count(ctx, "Coupon Redemption") == 0
        assert invoice(ctx, [("PEN", 2)], coupon_code="SAVE").grand_total == D("45.00")
