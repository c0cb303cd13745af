"""The categories installed for FY 2025-26, their accounts per company, and the checks a
category edited in the desk must pass."""

import datetime as dt
import doctest
import importlib

import pytest

from core import lifecycle
from core.db import query
from modules.tds_india.errors import InvalidWithholdingCategory, MissingWithholdingRate
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    PROFESSIONAL,
    TDS_PAYABLE,
    D,
    bill,
    insert,
    make_company,
    supplier,
    tds_tenant,
)


@pytest.fixture
def books(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
    return handle


def _rates(ctx, category):
    return sorted((str(r["from_date"]), r["deductee_type"], r["rate"], r["single_threshold"],
                   r["cumulative_threshold"]) for r in query.select_rows(
        ctx, "Tax Withholding Rate", filters={"parent": category}))


def test_fy_2025_26_categories_are_installed_with_the_companys_accounts(books):
    with books.tx() as ctx:
        assert _rates(ctx, CONTRACTOR) == [
            ("2024-04-01", "Individual/HUF", D("1"), D("30000"), D("100000")),
            ("2024-04-01", "Others", D("2"), D("30000"), D("100000"))]
        assert _rates(ctx, PROFESSIONAL)[-1] == ("2025-04-01", "All", D("10"), D("0"),
                                                 D("50000"))
        assert _rates(ctx, "194I(b) - Rent on Land or Building")[-1] == (
            "2025-04-01", "All", D("10"), D("50000"), D("0"))
        assert query.select_rows(ctx, "Tax Withholding Account", fields=["account"],
                                 filters={"parent": CONTRACTOR, "company": CO}) == [
            {"account": TDS_PAYABLE}]
        scrap = query.select_rows(ctx, "Tax Withholding Category", fields=[
            "kind", "disabled"], filters={"name": "206C(1) - Scrap"})
        assert scrap == [{"kind": "TCS", "disabled": 1}]


def test_overlapping_rates_for_one_deductee_type_are_refused(books):
    with books.tx() as ctx:
        with pytest.raises(InvalidWithholdingCategory) as refused:
            insert(ctx, "Tax Withholding Category", {
                "category_name": "194C - Test", "section": "194C", "rates": [
                    {"from_date": "2025-04-01", "deductee_type": "All", "rate": "1"},
                    {"from_date": "2025-10-01", "deductee_type": "All", "rate": "2"}]})
        assert refused.value.field == "rates"
        assert not query.exists(ctx, "Tax Withholding Category", "194C - Test")


def test_a_bill_dated_where_the_category_has_no_rate_is_refused(books):
    with books.tx() as ctx:
        category = lifecycle.get_doc(ctx, "Tax Withholding Category", CONTRACTOR)
        for row in category.children("rates"):
            row.to_date = dt.date(2025, 12, 31)
        lifecycle.save(ctx, category)
        supplier(ctx, "Ravi Builders", CONTRACTOR, "ABCPR1234K")
        with pytest.raises(MissingWithholdingRate):
            bill(ctx, "Ravi Builders", "2026-01-10", "40000")
        assert query.count(ctx, "Purchase Invoice") == 0


def test_deductee_type_follows_the_pan(books):
    with books.tx() as ctx:
        supplier(ctx, "Ravi Builders", CONTRACTOR, "ABCPR1234K")
        supplier(ctx, "Timber Co", CONTRACTOR, "AABCT5678L")
        assert [query.get_value(ctx, "Supplier", name, "deductee_type")
                for name in ("Ravi Builders", "Timber Co")] == ["Individual", "Company"]


@pytest.mark.parametrize("module", ["thresholds", "amounts", "deductees", "financial_year",
                                    "reports.tds_26q"])
def test_worked_examples_in_docstrings(module):
    found = doctest.testmod(importlib.import_module(f"modules.tds_india.{module}"))
    assert found.failed == 0 and found.attempted > 0
