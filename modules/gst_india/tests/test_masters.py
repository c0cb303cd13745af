"""HSN codes on items, GST rates as data, and the accounts a company gets."""

import pytest

from core.db import query
from core.errors import ValidationError
from modules.gst_india.errors import InvalidHSNCode
from modules.gst_india.tests.builders import gst_tenant, insert, item, make_gst_company


@pytest.fixture
def books(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
    return handle


@pytest.mark.parametrize("code", ["940", "94035", "9403500", "940350001", "94O3"])
def test_an_hsn_code_is_4_6_or_8_digits(books, code):
    with books.tx() as ctx, pytest.raises(InvalidHSNCode) as error:
        item(ctx, "ODD", code, [])
    assert error.value.field == "gst_hsn_code"
    with books.tx() as ctx:
        assert not query.exists(ctx, "Item", "ODD")


def test_an_hsn_code_loses_its_dots_and_spaces(books):
    with books.tx() as ctx:
        item(ctx, "CHAIR", "9401.71 00", [])
        assert query.get_value(ctx, "Item", "CHAIR", "gst_hsn_code") == "94017100"


def test_a_gst_rate_must_be_a_notified_rate(books):
    with books.tx() as ctx, pytest.raises(ValidationError) as error:
        item(ctx, "CHAIR", "9401", [("2025-04-01", "13")])
    assert error.value.field == "gst_rate"


def test_a_gst_rate_is_for_an_item_or_an_hsn_code(books):
    with books.tx() as ctx, pytest.raises(ValidationError) as error:
        insert(ctx, "GST Rate", {"gst_rate": "18", "valid_from": "2025-04-01"})
    assert error.value.field == "item_code"


def test_two_rates_from_the_same_day_are_refused(books):
    with books.tx() as ctx:
        insert(ctx, "GST Rate", {"gst_hsn_code": "9403", "gst_rate": "12",
                                 "valid_from": "2025-09-22"})
        with pytest.raises(ValidationError) as error:
            insert(ctx, "GST Rate", {"gst_hsn_code": "9403", "gst_rate": "5",
                                     "valid_from": "2025-09-22"})
        assert error.value.field == "valid_from"


def test_a_company_gets_its_gst_accounts_and_the_missing_ones_are_created(books):
    with books.tx() as ctx:
        rows = query.select_rows(ctx, "GST Account", fields=[
            "account_type", "cgst_account", "cess_account"], order_by="account_type asc")
        assert rows == [
            {"account_type": "Input", "cgst_account": "Input Tax CGST - PF",
             "cess_account": "Input Tax Cess - PF"},
            {"account_type": "Output", "cgst_account": "Output Tax CGST - PF",
             "cess_account": "Output Tax Cess - PF"},
            {"account_type": "Reverse Charge Input", "cgst_account": "Input Tax CGST RCM - PF",
             "cess_account": "Input Tax Cess RCM - PF"},
            {"account_type": "Reverse Charge Output",
             "cgst_account": "Output Tax CGST RCM - PF",
             "cess_account": "Output Tax Cess RCM - PF"}]
        created = query.select_rows(ctx, "Account", fields=["parent_account", "root_type",
                                                            "account_type"],
                                    filters={"name": "Output Tax IGST RCM - PF"})
        assert created == [{"parent_account": "Duties and Taxes - PF",
                            "root_type": "Liability", "account_type": "Tax"}]
