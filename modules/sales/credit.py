"""Credit limits: what a customer owes a company (the receivable sub-ledger) plus what
they have ordered and not been billed for may not pass the limit set for that company.

The check runs after the order or invoice has written its effects, so the figures it
reads already include the document itself; a refusal rolls the whole submit back. The
customer's row is locked first, so two documents of one customer submitted at once are
checked one after the other, each seeing the other's effects.

Users with the role named in Selling Settings (``credit_controller``) may pass the limit.
A limit marked ``bypass_credit_limit_check_at_sales_order`` is checked only on invoices,
and then without counting unbilled orders.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select

from core.db import query
from core.meta.fieldtypes import quantize
from core.singles import get_single
from modules.accounting.companies import company_precision
from modules.accounting.subledger import party_balance
from modules.sales.errors import CreditLimitExceeded

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

ZERO = Decimal(0)
OPEN_TO_BILL = ("To Deliver and Bill", "To Bill")


def credit_limit(ctx: Context, customer: str, company: str) -> dict[str, Any] | None:
    """The customer's limit row for the company, when it sets a limit above zero."""
    rows = query.select_rows(ctx, "Customer Credit Limit", fields=[
        "credit_limit", "bypass_credit_limit_check_at_sales_order"], filters={
        "parent": customer, "parenttype": "Customer", "company": company}, limit=1)
    return rows[0] if rows and (rows[0]["credit_limit"] or ZERO) > 0 else None


def unbilled_orders(ctx: Context, customer: str, company: str) -> Decimal:
    """Value of what submitted, open sales orders of the customer have not billed yet,
    with its share of each order's taxes (the invoices will charge them too)."""
    order, line = query.view(ctx, "Sales Order"), query.view(ctx, "Sales Order Item")
    unbilled = (line.c.qty - func.coalesce(line.c.billed_qty, 0)) * line.c.rate
    rows = ctx.conn.execute(
        select(order.c.total, func.coalesce(order.c.grand_total, order.c.total),
               func.sum(unbilled))
        .select_from(order.join(line, and_(
            line.c.parent == order.c.name, line.c.parenttype == "Sales Order")))
        .where(order.c.customer == customer, order.c.company == company,
               order.c.docstatus == 1, order.c.status.in_(OPEN_TO_BILL),
               line.c.qty > func.coalesce(line.c.billed_qty, 0))
        .group_by(order.c.name, order.c.total, order.c.grand_total)).all()
    return sum((_with_taxes(Decimal(str(net or 0)), Decimal(str(grand or 0)),
                            Decimal(str(value or 0))) for net, grand, value in rows), ZERO)


def _with_taxes(net_total: Decimal, grand_total: Decimal, unbilled: Decimal) -> Decimal:
    return unbilled * grand_total / net_total if net_total else unbilled


def _may_exceed(ctx: Context) -> bool:
    controller = get_single(ctx, "Selling Settings").get("credit_controller")
    return bool(controller) and controller in ctx.roles


def check_order(ctx: Context, doc: Document) -> None:
    limit = credit_limit(ctx, doc.customer, doc.company)
    if limit and not limit["bypass_credit_limit_check_at_sales_order"]:
        _check(ctx, doc, limit["credit_limit"], count_orders=True)


def check_invoice(ctx: Context, doc: Document) -> None:
    """Invoices that only bill order lines add nothing to the exposure the orders were
    checked with, so they are checked only when orders are not (bypass) or when a line
    bills something that was never ordered."""
    limit = credit_limit(ctx, doc.customer, doc.company)
    if not limit or doc.get("is_return"):
        return
    bypass = bool(limit["bypass_credit_limit_check_at_sales_order"])
    if bypass or any(not r.get("so_detail") for r in doc.children("items")):
        _check(ctx, doc, limit["credit_limit"], count_orders=not bypass)


def _check(ctx: Context, doc: Document, limit: Decimal, *, count_orders: bool) -> None:
    if _may_exceed(ctx):
        return
    query.select_rows(ctx, "Customer", fields=["name"], filters={"name": doc.customer},
                      for_update=True)
    precision = company_precision(ctx, doc.company)
    owed = quantize(party_balance(ctx, doc.company, "Customer", doc.customer), precision)
    ordered = quantize(unbilled_orders(ctx, doc.customer, doc.company) if count_orders
                       else ZERO, precision)
    limit = quantize(limit, precision)
    if owed + ordered > limit:
        raise CreditLimitExceeded(
            f"{doc.doctype} {doc.name}: credit limit of {limit} for customer "
            f"{doc.customer} in {doc.company} exceeded: exposure {owed + ordered} "
            f"(outstanding {owed} + unbilled orders {ordered})", field="customer")
