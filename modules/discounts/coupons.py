"""Coupon codes on a document: found whatever their case, checked when the document is
saved, used when it is submitted (under a lock on the coupon's row, so the last use
goes to exactly one of two sales made at once) and given back when it is cancelled.

An invoice made from a sales order carries the order's coupon: the order used it, so
the invoice neither checks its uses again nor uses it a second time. A return does not
give a use back (the sale took place); cancelling the document does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core import records
from core.db import query
from core.naming import row_name
from modules.discounts.doctypes.coupon_code import code_key
from modules.discounts.errors import CouponExhausted, CouponInvalid
from modules.sales.lines import saved_after_submit

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document

DATE_FIELDS = {"Sales Order": "transaction_date", "Sales Invoice": "posting_date",
               "POS Invoice": "posting_date"}


def document_date(ctx: Context, doc: Document) -> dt.date:
    return doc.get(DATE_FIELDS[doc.doctype]) or ctx.now.date()


def order_coupon(ctx: Context, doc: Document) -> str | None:
    """The coupon of the sales orders an invoice bills, when they used one."""
    orders = sorted({r.get("sales_order") for r in doc.children("items")
                     if r.get("sales_order")})
    if doc.doctype != "Sales Invoice" or not orders:
        return None
    codes = {r["coupon_code"] for r in query.select_rows(
        ctx, "Sales Order", fields=["coupon_code"], filters=[
            ["name", "in", orders], ["coupon_code", "is", "set"]])}
    return codes.pop() if len(codes) == 1 else None


def carried(ctx: Context, doc: Document) -> bool:
    """The document carries the coupon of the order it bills (used there already)."""
    return bool(doc.get("coupon_code")) and doc.coupon_code == order_coupon(ctx, doc)


def resolve(ctx: Context, doc: Document) -> dict[str, Any] | None:
    """The document's coupon, its code put in the stored form; refused when it does not
    exist, is disabled, of another company or out of its dates."""
    if not doc.get("coupon_code") and doc.doctype == "Sales Invoice":
        doc.coupon_code = order_coupon(ctx, doc)
    if not doc.get("coupon_code"):
        doc.coupon_code = None
        return None
    found = query.select_rows(ctx, "Coupon Code", filters={
        "name": code_key(doc.coupon_code)}, limit=1)
    if not found:
        raise CouponInvalid(f"There is no coupon {doc.coupon_code}", field="coupon_code")
    coupon = found[0]
    doc.coupon_code = coupon["name"]
    if carried(ctx, doc):
        return coupon
    date = document_date(ctx, doc)
    scheme = records.get(ctx, "Promotional Scheme", coupon["promotional_scheme"]) or {}
    if coupon["disabled"] or scheme.get("disabled", 1):
        raise CouponInvalid(f"Coupon {coupon['name']} (or its scheme) is disabled",
                            field="coupon_code")
    if scheme["company"] != doc.company:
        raise CouponInvalid(f"Coupon {coupon['name']} is not valid for {doc.company}",
                            field="coupon_code")
    if (coupon["valid_from"] and date < coupon["valid_from"]) or \
            (coupon["valid_upto"] and date > coupon["valid_upto"]):
        raise CouponInvalid(f"Coupon {coupon['name']} is not valid on {date}",
                            field="coupon_code")
    return coupon


def check_uses(ctx: Context, coupon: dict[str, Any], customer: str | None) -> None:
    """Uses left in all, and for this customer (counted from the redemption history)."""
    if coupon["max_uses"] and coupon["used"] >= coupon["max_uses"]:
        raise CouponExhausted(f"Coupon {coupon['name']} has been used "
                              f"{coupon['used']} time(s), its limit", field="coupon_code")
    limit = coupon["per_customer_limit"]
    if limit and customer_uses(ctx, coupon["name"], customer) >= limit:
        raise CouponExhausted(f"{customer} has used coupon {coupon['name']} {limit} "
                              "time(s), the limit per customer", field="coupon_code")


def customer_uses(ctx: Context, coupon: str, customer: str | None) -> int:
    return sum(r["uses"] for r in query.select_rows(
        ctx, "Coupon Redemption", fields=["uses"], filters={
            "coupon_code": coupon, "customer": customer or ""}))


def validate(ctx: Context, doc: Document) -> None:
    """A draft with a coupon that has no use left for it is refused at once (a submitted
    document saved again has used it already)."""
    if not doc.get("coupon_code") or doc.get("is_return") or saved_after_submit(doc) \
            or carried(ctx, doc):
        return
    check_uses(ctx, _coupon(ctx, doc.coupon_code), doc.get("customer"))


def redeem(ctx: Context, doc: Document) -> None:
    """Use the coupon: locked, checked again, counted, and recorded for the customer."""
    if not doc.get("coupon_code") or doc.get("is_return") or carried(ctx, doc):
        return
    coupon = _coupon(ctx, doc.coupon_code, lock=True)
    check_uses(ctx, coupon, doc.get("customer"))
    query.update_row(ctx, "Coupon Code", coupon["name"], {"used": coupon["used"] + 1})
    _record(ctx, doc, 1)


def release(ctx: Context, doc: Document) -> None:
    """Give back the uses the cancelled document took (none for a carried coupon)."""
    if not doc.get("coupon_code"):
        return
    taken = sum(r["uses"] for r in query.select_rows(
        ctx, "Coupon Redemption", fields=["uses"], filters={
            "voucher_type": doc.doctype, "voucher_no": doc.name or ""}))
    if taken <= 0:
        return
    coupon = _coupon(ctx, doc.coupon_code, lock=True)
    query.update_row(ctx, "Coupon Code", coupon["name"],
                     {"used": max(coupon["used"] - taken, 0)})
    _record(ctx, doc, -taken)


def _coupon(ctx: Context, name: str, lock: bool = False) -> dict[str, Any]:
    found = query.select_rows(ctx, "Coupon Code", filters={"name": name}, limit=1,
                              for_update=lock)
    if not found:
        raise CouponInvalid(f"There is no coupon {name}", field="coupon_code")
    return found[0]


def _record(ctx: Context, doc: Document, uses: int) -> None:
    """A row of the append-only history (written here only: the doctype refuses the
    documents' lifecycle, like the general ledger)."""
    query.insert_rows(ctx, "Coupon Redemption", [{
        "name": row_name(), "owner": ctx.user, "creation": ctx.now,
        "modified": ctx.now, "modified_by": ctx.user, "docstatus": 0, "idx": 0,
        "coupon_code": doc.coupon_code, "customer": doc.get("customer"),
        "company": doc.company, "voucher_type": doc.doctype, "voucher_no": doc.name,
        "posting_date": document_date(ctx, doc), "uses": uses}])
