"""GSTINs: the check itself, then on companies, parties and addresses through the
lifecycle. A refused GSTIN names the field and nothing is written."""

import pytest
from stdnum.in_ import gstin as stdnum_gstin

from core import lifecycle
from core.db import query
from core.errors import ValidationError
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.gstin import clean_gstin, pan_of
from modules.gst_india.tests.builders import (
    BENGALURU_GSTIN,
    PUNE_GSTIN,
    customer,
    gst_tenant,
    insert,
    make_gst_company,
    supplier,
)


@pytest.mark.parametrize("number", [PUNE_GSTIN, BENGALURU_GSTIN])
def test_clean_gstin__accepts_numbers_stdnum_accepts(number):
    assert stdnum_gstin.is_valid(number)
    assert clean_gstin(number, "gstin") == number


def test_clean_gstin__upper_cases_and_drops_spaces():
    assert clean_gstin(" 27aapfu0939f1zv ", "gstin") == PUNE_GSTIN


def test_clean_gstin__accepts_ladakh_which_stdnum_does_not_know():
    """38 (Ladakh) is a GST state code since 2020; the check character is still Luhn."""
    assert clean_gstin("38AABCL1234M1ZG", "gstin") == "38AABCL1234M1ZG"


@pytest.mark.parametrize("number, words", [
    ("27AAPFU0939F1ZA", "wrong check character"),
    ("98AAPFU0939F1ZV", "98, which is not a GST state code"),
    ("27AAPFU0939F1Z", "must be 15 characters, not 14"),
    ("27AAPF10939F1ZV", "not in the GSTIN format"),
])
def test_clean_gstin__refuses_with_the_reason_and_the_field(number, words):
    with pytest.raises(InvalidGSTIN) as error:
        clean_gstin(number, "billing_gstin", "Customer GSTIN")
    assert error.value.field == "billing_gstin"
    assert words in error.value.message
    assert error.value.message.startswith(f"Customer GSTIN {number}")


def test_pan_of__is_characters_three_to_twelve():
    assert pan_of(PUNE_GSTIN) == "AAPFU0939F"


@pytest.fixture
def books(site):
    handle = gst_tenant(site)
    with handle.tx() as ctx:
        make_gst_company(ctx)
    return handle


def test_company_takes_its_state_and_pan_from_its_gstin(books):
    with books.tx() as ctx:
        row = query.select_rows(ctx, "Company", fields=[
            "gstin", "gst_category", "pan", "gst_state"])[0]
        assert row == {"gstin": PUNE_GSTIN, "gst_category": "Registered Regular",
                       "pan": "AAPFU0939F", "gst_state": "27-Maharashtra"}


def test_a_bad_customer_gstin_is_refused_and_nothing_written(books):
    with books.tx() as ctx, pytest.raises(InvalidGSTIN) as error:
        customer(ctx, "Typo Traders", "27AAPFU0939F1ZA")
    assert error.value.field == "gstin"
    with books.tx() as ctx:
        assert not query.exists(ctx, "Customer", "Typo Traders")


def test_a_registered_category_needs_a_gstin(books):
    with books.tx() as ctx, pytest.raises(InvalidGSTIN) as error:
        supplier(ctx, "Silent Supplier", gst_category="Registered Regular")
    assert (error.value.field, error.value.message) == (
        "gstin", "GSTIN is required for the GST category Registered Regular")


def test_an_unregistered_party_cannot_have_a_gstin(books):
    with books.tx() as ctx, pytest.raises(ValidationError) as error:
        customer(ctx, "Confused Co", BENGALURU_GSTIN, gst_category="Unregistered")
    assert error.value.field == "gst_category"


def test_a_party_gets_its_category_and_pan_from_its_gstin(books):
    with books.tx() as ctx:
        customer(ctx, "Bengaluru Interiors", BENGALURU_GSTIN.lower())
        assert query.select_rows(ctx, "Customer", fields=["gstin", "gst_category", "pan"],
                                 filters={"name": "Bengaluru Interiors"}) == [
            {"gstin": BENGALURU_GSTIN, "gst_category": "Registered Regular",
             "pan": "AAGCB7383J"}]


def test_an_address_state_comes_from_its_gstin_or_its_state(books):
    with books.tx() as ctx:
        by_gstin = insert(ctx, "Address", {"address_title": "Bengaluru", "city": "Bengaluru",
                                           "address_line1": "MG Road",
                                           "gstin": BENGALURU_GSTIN})
        by_state = insert(ctx, "Address", {"address_title": "Surat", "city": "Surat",
                                           "address_line1": "Ring Road", "state": "gujarat"})
        abroad = insert(ctx, "Address", {"address_title": "Dubai", "city": "Dubai",
                                         "address_line1": "Marina", "country": "UAE"})
        assert [a.gst_state for a in (by_gstin, by_state, abroad)] == [
            "29-Karnataka", "24-Gujarat", "96-Other Countries"]


def test_an_address_state_must_match_its_gstin(books):
    with books.tx() as ctx, pytest.raises(ValidationError) as error:
        insert(ctx, "Address", {"address_title": "Wrong", "city": "Pune",
                                "address_line1": "FC Road", "gstin": BENGALURU_GSTIN,
                                "gst_state": "27-Maharashtra"})
    assert error.value.field == "gst_state"


def test_the_api_answers_422_naming_the_field(books):
    with books.client(headers=books.auth) as api:
        response = api.post("/api/resource/Customer", json={
            "customer_name": "Typo Traders", "customer_group": "Commercial",
            "gstin": "27AAPFU0939F1ZA"})
    assert response.status_code == 422
    assert (response.json()["exc_type"], response.json()["field"]) == ("InvalidGSTIN",
                                                                      "gstin")


def test_a_gstin_added_later_makes_an_unregistered_party_registered(books):
    with books.tx() as ctx:
        customer(ctx, "Growing Co")
        doc = lifecycle.get_doc(ctx, "Customer", "Growing Co")
        assert doc.gst_category == "Unregistered"
        doc.gstin = BENGALURU_GSTIN
        doc = lifecycle.save(ctx, doc)
        assert (doc.gst_category, doc.pan) == ("Registered Regular", "AAGCB7383J")
