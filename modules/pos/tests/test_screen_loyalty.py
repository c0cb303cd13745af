"""The screen with the loyalty module: the balance it shows and points redeemed, which
the cart's preview reports as already paid so the cashier collects only the rest.

    Program: 1 point per 1.00 spent, a point worth 0.10.
    Earlier sale: 4 Pens = 100.00 + GST 18.00 = 118.00: 118 points.
    This sale: 2 Notebooks = 120.00 + CGST 10.80 + SGST 10.80 = 141.60;
    100 points redeemed = 10.00; cash 131.60. Earned on it: 141.60 - 10.00 = 131 points.
    Balance: 118 - 100 + 131 = 149 points, worth 14.90.
"""

from core import lifecycle
from modules.inventory.tests.builders import CO, assert_books_in_step
from modules.pos.tests.builders import PROFILE
from modules.pos.tests.counter import DATE, SCREEN, counter, desk, page_csrf, sale
from tenants.provisioning import install_modules

PREVIEW, SUBMIT = "/api/method/pos.preview_invoice", "/api/method/pos.submit_invoice"
BALANCE = "/api/method/loyalty.points_balance"


def members_counter(site):
    handle = counter(site)
    with handle.tx() as ctx:
        install_modules(ctx, ["loyalty"])  # after the company, which gets its accounts
    with handle.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Loyalty Program", {
            "loyalty_program_name": "Counter Club", "company": CO, "from_date": "2026-04-01",
            "conversion_factor": "0.10", "expiry_days": 365, "collection_rules": [
                {"tier_name": "Member", "min_spent": 0, "collection_factor": 1}]}))
        anita = lifecycle.get_doc(ctx, "Customer", "Anita Desai")
        anita.loyalty_program = "Counter Club"
        lifecycle.save(ctx, anita)
        profile = lifecycle.get_doc(ctx, "POS Profile", PROFILE)
        profile.append("payments", {"mode_of_payment": "Loyalty Points"}, ctx)
        lifecycle.save(ctx, profile)
    return handle


def test_points_redeemed_are_paid_by_the_sale_and_the_cashier_collects_the_rest(site):
    handle = members_counter(site)
    web = desk(handle)
    token = {"X-Frappe-CSRF-Token": page_csrf(web.get(SCREEN).text)}
    assert web.post(SUBMIT, headers=token, json={"invoice": sale(
        "club-1", [{"item_code": "PEN", "qty": 4}], [("Cash", "118.00")],
        customer="Anita Desai")}).status_code == 200
    cart = {"pos_profile": PROFILE, "posting_date": DATE, "customer": "Anita Desai",
            "redeem_loyalty_points": 1, "loyalty_points": 100,
            "items": [{"item_code": "NOTEBOOK", "qty": 2}]}
    priced = web.post(PREVIEW, headers=token, json={"invoice": cart})
    assert priced.status_code == 200, priced.text
    preview = priced.json()["message"]
    assert (preview["grand_total"], preview["loyalty_amount"]) == (141.6, 10.0)
    assert [(p["mode_of_payment"], p["amount"]) for p in preview["payments"]] == [
        ("Loyalty Points", 10.0)]
    sold = web.post(SUBMIT, headers=token, json={"invoice": sale(
        "club-2", cart["items"], [("Cash", "131.60")], customer="Anita Desai",
        redeem_loyalty_points=1, loyalty_points=100)})
    assert sold.status_code == 200, sold.text
    assert (sold.json()["message"]["grand_total"],
            sold.json()["message"]["change_amount"]) == (141.6, 0.0)
    held = web.get(BALANCE, params={"company": CO, "customer": "Anita Desai",
                                    "on": DATE})
    web.close()
    assert held.status_code == 200, held.text
    assert (held.json()["message"]["loyalty_points"], held.json()["message"]["amount"]) == (
        149, 14.9)
    with handle.tx() as ctx:
        assert_books_in_step(ctx)
