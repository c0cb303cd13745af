"""What the POS screen asks the server: items by barcode, code or name with price and
stock, customers by mobile number, and the cart priced without being posted."""

from core import lifecycle
from core.db import query
from modules.inventory.tests.builders import assert_books_in_step
from modules.pos.tests.builders import PEN_BARCODE, PROFILE, D, bin_of
from modules.pos.tests.counter import DATE, add_user, counter, sale

SEARCH, CUSTOMER = "/api/method/pos.search_items", "/api/method/pos.find_customer"
PREVIEW, SUBMIT = "/api/method/pos.preview_invoice", "/api/method/pos.submit_invoice"
PEN = {"item_code": "PEN", "item_name": "Blue Pen", "barcode": PEN_BARCODE, "rate": 25.0,
       "stock_uom": "Nos", "is_stock_item": True, "actual_qty": 10.0}


def search(api, text):
    answer = api.get(SEARCH, params={"pos_profile": PROFILE, "text": text})
    assert answer.status_code == 200, answer.text
    return answer.json()["message"]


def test_a_scanned_barcode_finds_its_item_with_price_and_stock(site):
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        assert search(api, PEN_BARCODE) == {"match": "barcode", "items": [PEN]}
        assert search(api, "PEN") == {"match": "code", "items": [PEN]}
        by_name = search(api, "note")
        gift = search(api, "gift wrap")["items"]
    assert by_name == {"match": "search", "items": [{
        "item_code": "NOTEBOOK", "item_name": "Ruled Notebook", "barcode": None,
        "rate": 60.0, "stock_uom": "Nos", "is_stock_item": True, "actual_qty": 5.0}]}
    # a service keeps no stock: no quantity to show
    assert [(i["item_code"], i["rate"], i["actual_qty"]) for i in gift] == [
        ("GIFTWRAP", 15.0, None)]


def test_a_name_search_matches_any_part_and_takes_wildcards_literally(site):
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        assert [i["item_code"] for i in search(api, "e")["items"]] == ["NOTEBOOK", "PEN"]
        assert [i["item_code"] for i in search(api, "R")["items"]] == [
            "GIFTWRAP", "NOTEBOOK"]
        assert search(api, "%")["items"] == [] and search(api, "_")["items"] == []
        assert search(api, "no such thing")["items"] == []


def test_stock_shown_is_what_is_left_after_sales(site):
    """2 Pens sold at the counter: the screen then shows 8."""
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        assert api.post(SUBMIT, json={"invoice": sale("s-1", [{"barcode": PEN_BARCODE,
                                                               "qty": 2}], [])}
                        ).status_code == 200
        assert search(api, PEN_BARCODE)["items"][0]["actual_qty"] == 8.0
    with handle.tx() as ctx:
        assert_books_in_step(ctx)


def test_customers_are_found_by_their_mobile_number_however_it_is_written(site):
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        def found(phone):
            answer = api.get(CUSTOMER, params={"phone": phone})
            assert answer.status_code == 200, answer.text
            return [c["name"] for c in answer.json()["message"]]

        assert found("9820012345") == ["Anita Desai"]
        assert found("+91 98200-12345") == ["Anita Desai"]
        assert found("09845067890") == ["Rohan Kulkarni"]
        # both numbers hold 12345: the one that ends with it first
        assert found("12345") == ["Anita Desai", "Desai Stores"]
        assert found("5550001") == []
        short = api.get(CUSTOMER, params={"phone": "98"})
    assert short.status_code == 422 and short.json()["field"] == "phone"


def test_the_cart_is_priced_by_the_server_and_nothing_is_written(site):
    """3 Pens @ 25.00 = 75.00; 1 Notebook @ 60.00; 1 Gift Wrap @ 15.00: net 150.00;
    CGST 9% = 13.50, SGST 9% = 13.50; total 177.00."""
    handle = counter(site)
    cart = {"pos_profile": PROFILE, "posting_date": DATE, "items": [
        {"barcode": PEN_BARCODE, "qty": 3}, {"item_code": "NOTEBOOK", "qty": 1},
        {"item_code": "GIFTWRAP", "qty": 1}]}
    with handle.client(headers=handle.auth) as api:
        answer = api.post(PREVIEW, json={"invoice": cart})
    assert answer.status_code == 200, answer.text
    priced = answer.json()["message"]
    assert [(i["item_code"], i["qty"], i["rate"], i["amount"]) for i in priced["items"]] == [
        ("PEN", 3.0, 25.0, 75.0), ("NOTEBOOK", 1.0, 60.0, 60.0), ("GIFTWRAP", 1.0, 15.0, 15.0)]
    assert [(t["account_head"], t["tax_amount"]) for t in priced["taxes"]] == [
        ("Output Tax CGST - PF", 13.5), ("Output Tax SGST - PF", 13.5)]
    assert (priced["total"], priced["total_taxes_and_charges"], priced["grand_total"]) == (
        150.0, 27.0, 177.0)
    assert priced.get("name") is None
    with handle.tx() as ctx:
        assert query.count(ctx, "POS Invoice") == 0
        assert bin_of(ctx, "PEN") == (D("10"), D("100.00"))


def test_a_cart_with_an_unknown_barcode_is_refused_in_the_preview(site):
    handle = counter(site)
    with handle.client(headers=handle.auth) as api:
        answer = api.post(PREVIEW, json={"invoice": {
            "pos_profile": PROFILE, "posting_date": DATE,
            "items": [{"barcode": "0000000000000", "qty": 1}]}})
        not_a_sale = api.post(PREVIEW, json={"invoice": ["PEN"]})
    assert answer.status_code == 422, answer.text
    assert answer.json()["message"] == "Items row 1: no item has barcode 0000000000000"
    assert not_a_sale.status_code == 400 and not_a_sale.json()["field"] == "invoice"


def test_only_the_profiles_cashiers_may_look_up_its_items(site):
    handle = counter(site)
    with handle.tx() as ctx:
        add_user(ctx, "mallory", "Sales User")  # may sell, but not on Counter 1
        add_user(ctx, "auditor", "Accounts User")
        from core.auth.api_keys import issue_api_key

        keys = {u: issue_api_key(ctx, u) for u in ("mallory", "auditor")}
    for user, status, code in (("mallory", 403, "POS-CASHIER"),
                               ("auditor", 403, None)):
        key, secret = keys[user]
        with handle.client(headers={"Authorization": f"token {key}:{secret}"}) as api:
            answer = api.get(SEARCH, params={"pos_profile": PROFILE, "text": "PEN"})
        assert answer.status_code == status, answer.text
        assert code is None or answer.json()["code"] == code
    with handle.client(headers=handle.auth) as api:
        missing = api.get(SEARCH, params={"text": "PEN"})
    assert missing.status_code == 400 and missing.json()["field"] == "pos_profile"


def test_tenants_never_see_each_others_items_or_customers(site):
    ours, theirs = counter(site), counter(site)
    with ours.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Item", {
            "item_code": "OURS-ONLY", "item_name": "Our Secret Stapler",
            "item_group": "Products"}))
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Customer", {
            "customer_name": "Our Regular", "customer_group": "Individual",
            "mobile_no": "7000012345"}))
    with theirs.client(headers=theirs.auth) as api:
        assert search(api, "stapler")["items"] == []
        assert search(api, "OURS-ONLY")["items"] == []
        assert api.get(CUSTOMER, params={"phone": "7000012345"}).json()["message"] == []
    with ours.client(headers=ours.auth) as api:
        assert [i["item_code"] for i in search(api, "stapler")["items"]] == ["OURS-ONLY"]
