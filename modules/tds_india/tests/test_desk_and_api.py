"""TDS through the REST API and the desk: a draft shows its TDS, a changed draft
recomputes it, the figures a client sends for read-only fields are the server's.

    Ravi Builders (individual, 194C 1%), draft bill of 20,000.00: below the thresholds;
    saved again at 40,000.00: above 30,000, TDS 400.00, grand total 39,600.00.
"""

import re

import pytest

from modules.accounting.tests.builders import gl_lines
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    CREDITORS,
    RAVI_PAN,
    TDS_PAYABLE,
    D,
    make_company,
    supplier,
    tds_tenant,
)
from tests.fixtures import PASSWORD


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
    return handle


def _figures(data):
    return [D(str(data[f])) for f in ("tds_base_amount", "tds_amount", "grand_total")]


def test_a_draft_recomputes_its_tds_and_posts_it_on_submit(buyer):
    with buyer.client(headers=buyer.auth) as api:
        created = api.post("/api/resource/Purchase Invoice", json={
            "supplier": "Ravi Builders", "company": CO, "posting_date": "2025-06-02",
            "tds_amount": "1", "items": [{"item_name": "Work", "qty": 1, "rate": "20000"}]})
        assert created.status_code == 200, created.text
        draft = created.json()["data"]
        assert draft["tax_withholding_category"] == CONTRACTOR
        assert _figures(draft) == [D("20000"), D("0"), D("20000")]
        url = f"/api/resource/Purchase Invoice/{draft['name']}"
        changed = api.put(url, json={"items": [{"item_name": "Work", "qty": 1,
                                                "rate": "40000"}]})
        assert changed.status_code == 200, changed.text
        assert _figures(changed.json()["data"]) == [D("40000"), D("400"), D("39600")]
        submitted = api.put(url, json={"docstatus": 1})
        assert submitted.status_code == 200, submitted.text
    with buyer.tx() as ctx:
        assert gl_lines(ctx, draft["name"]) == [
            ("Cost of Goods Sold - PF", D("40000.00"), D("0")),
            (CREDITORS, D("0"), D("39600.00")), (TDS_PAYABLE, D("0"), D("400.00"))]


def test_a_draft_without_category_deducts_nothing(buyer):
    with buyer.client(headers=buyer.auth) as api:
        created = api.post("/api/resource/Purchase Invoice", json={
            "supplier": "Ravi Builders", "company": CO, "posting_date": "2025-06-02",
            "items": [{"item_name": "Work", "qty": 1, "rate": "40000"}]})
        name = created.json()["data"]["name"]
        cleared = api.put(f"/api/resource/Purchase Invoice/{name}",
                          json={"tax_withholding_category": None})
        assert cleared.status_code == 200, cleared.text
        data = cleared.json()["data"]
    assert data["tax_withholding_category"] is None
    assert (D(str(data["tds_amount"])), D(str(data["grand_total"]))) == (D("0"),
                                                                         D("40000"))
    assert data["taxes"] == []


def test_the_bill_form_shows_the_tds_fields(buyer):
    with buyer.client(follow_redirects=False) as web:
        page = web.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        web.post("/login", data={"usr": "admin", "pwd": PASSWORD, "csrf_token": token,
                                 "next": "/app"})
        form = web.get("/app/Purchase Invoice/new")
        category = web.get(f"/app/Tax Withholding Category/{CONTRACTOR}")
        report = web.get("/app/report/tds_india.tds_26q", params={
            "company": CO, "fiscal_year": "2025-26", "quarter": "Q1"})
    assert report.status_code == 200 and "TDS Deductions (Form 26Q)" in report.text
    assert form.status_code == 200
    assert "Tax Withholding Category" in form.text and "TDS Amount" in form.text
    assert category.status_code == 200 and "Single Transaction Threshold" in category.text
