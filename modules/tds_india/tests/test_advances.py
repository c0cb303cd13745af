"""TDS on an advance to a contractor, then the bill set against it.

    Ravi Builders (individual, 194C 1%) is advanced 50,000.00 on 1 May 2025: above
    30,000, TDS 500.00; the bank pays 49,500.00, the supplier's account is debited
    50,000.00 (an advance) and TDS payable credited 500.00.
    Bill of 80,000.00 on 1 June: the advance's 50,000.00 was taxed already, so TDS is on
    30,000.00: 300.00; the supplier is owed 79,700.00.
    Bill of 10,000.00 on 1 July: year 90,000: no TDS.
"""

import pytest

from core import lifecycle
from core.db import query
from modules.accounting.tests.builders import (
    assert_ledger_balanced,
    assert_subledger_consistent,
    gl_lines,
)
from modules.tds_india.errors import InvalidAdvanceWithholding
from modules.tds_india.tests.builders import (
    CO,
    CONTRACTOR,
    CREDITORS,
    RAVI_PAN,
    TDS_PAYABLE,
    D,
    bill,
    covered,
    insert,
    make_company,
    supplier,
    tds_tenant,
)


@pytest.fixture
def buyer(site):
    handle = tds_tenant(site)
    with handle.tx() as ctx:
        make_company(ctx)
        supplier(ctx, "Ravi Builders", CONTRACTOR, RAVI_PAN)
    return handle


def advance(ctx, amount: str, date: str = "2025-05-01", **extra):
    return insert(ctx, "Payment Entry", {
        "payment_type": "Pay", "party_type": "Supplier", "party": "Ravi Builders",
        "company": CO, "posting_date": date, "paid_amount": amount,
        "tax_withholding_category": CONTRACTOR, "docstatus": 1, **extra})


def test_advance_deducts_tds_and_the_bill_does_not_tax_it_again(buyer):
    with buyer.tx() as ctx:
        paid = advance(ctx, "50000")
        assert (paid.advance_before_tds, paid.tds_amount, paid.paid_amount,
                paid.unallocated_amount) == (D("50000.00"), D("500.00"), D("49500.00"),
                                             D("50000.00"))
        assert gl_lines(ctx, paid.name) == [("Cash - PF", D("0"), D("49500.00")),
                                            (CREDITORS, D("50000.00"), D("0")),
                                            (TDS_PAYABLE, D("0"), D("500.00"))]
        work = bill(ctx, "Ravi Builders", "2025-06-01", "80000")
        assert (work.tds_on_this_bill, work.tds_taxable_amount, work.tds_amount,
                work.grand_total) == (D("80000.00"), D("30000.00"), D("300.00"),
                                      D("79700.00"))
        assert covered(work) == [(None, paid.name, D("-50000.00"))]
        later = bill(ctx, "Ravi Builders", "2025-07-01", "10000")
        assert later.tds_amount == D("0")
        assert_subledger_consistent(ctx)
        assert_ledger_balanced(ctx, CO)


def test_an_advance_set_against_a_bill_cannot_be_cancelled_first(buyer):
    from core.errors import LinkExistsError

    with buyer.tx() as ctx:
        paid = advance(ctx, "50000")
        work = bill(ctx, "Ravi Builders", "2025-06-01", "80000")
        with pytest.raises(LinkExistsError):
            lifecycle.cancel(ctx, "Payment Entry", paid.name)
        lifecycle.cancel(ctx, "Purchase Invoice", work.name)
        lifecycle.cancel(ctx, "Payment Entry", paid.name)
        assert_ledger_balanced(ctx, CO)


def test_a_payment_of_invoices_deducts_no_tds_and_writes_nothing(buyer):
    with buyer.tx() as ctx:
        work = bill(ctx, "Ravi Builders", "2025-06-01", "40000")
        with pytest.raises(InvalidAdvanceWithholding) as refused:
            advance(ctx, "39600", references=[{
                "reference_doctype": "Purchase Invoice", "reference_name": work.name,
                "allocated_amount": "39600"}])
        assert refused.value.field == "references"
        assert query.count(ctx, "Payment Entry") == 0


def test_a_draft_advance_taken_off_its_category_is_paid_whole(buyer):
    with buyer.tx() as ctx:
        draft = advance(ctx, "50000", docstatus=0)
        assert (draft.paid_amount, [d.amount for d in draft.children("deductions")]) == (
            D("49500.00"), [D("500.00")])
        draft = lifecycle.get_doc(ctx, "Payment Entry", draft.name)
        draft.tax_withholding_category = None
        lifecycle.save(ctx, draft)
        assert (draft.paid_amount, draft.tds_amount, draft.children("deductions"),
                draft.unallocated_amount) == (D("50000.00"), D("0"), [], D("50000.00"))


def test_a_payment_without_category_keeps_a_deduction_entered_by_hand(buyer):
    """The bill of 20,000.00 deducted nothing; the accountant deducts 200.00 on paying it."""
    with buyer.tx() as ctx:
        work = bill(ctx, "Ravi Builders", "2025-06-01", "20000")
        paid = insert(ctx, "Payment Entry", {
            "payment_type": "Pay", "party_type": "Supplier", "party": "Ravi Builders",
            "company": CO, "posting_date": "2025-06-05", "paid_amount": "19800",
            "references": [{"reference_doctype": "Purchase Invoice",
                            "reference_name": work.name, "allocated_amount": "20000"}],
            "deductions": [{"account": TDS_PAYABLE, "amount": "200"}], "docstatus": 1})
        assert gl_lines(ctx, paid.name) == [("Cash - PF", D("0"), D("19800.00")),
                                            (CREDITORS, D("20000.00"), D("0")),
                                            (TDS_PAYABLE, D("0"), D("200.00"))]
        assert_ledger_balanced(ctx, CO)



def test_a_draft_advance_is_worked_out_again_on_submit(buyer):
    """A draft advance of 20,000.00 deducts nothing (the year is 20,000); a bill of
    90,000.00 is submitted meanwhile, so on submit the year is 1,10,000 and the advance
    bears 1% = 200.00: the bank pays 19,800.00."""
    with buyer.tx() as ctx:
        draft = advance(ctx, "20000", docstatus=0)
        assert draft.tds_amount == D("0")
        bill(ctx, "Ravi Builders", "2025-06-01", "90000")
        paid = lifecycle.submit(ctx, lifecycle.get_doc(ctx, "Payment Entry", draft.name))
        assert (paid.tds_amount, paid.paid_amount) == (D("200.00"), D("19800.00"))
        assert gl_lines(ctx, paid.name) == [("Cash - PF", D("0"), D("19800.00")),
                                            (CREDITORS, D("20000.00"), D("0")),
                                            (TDS_PAYABLE, D("0"), D("200.00"))]
