"""The POS screen (desk page ``/app/page/pos.pos``): the cashier's open session, or a
form to open one.

The page itself only renders the session and the settings the screen's script needs
(profile, modes of payment, which optional parts the tenant has); items, customers,
prices and the sale go through the whitelisted methods in ``api.py``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from starlette.responses import RedirectResponse, Response

from core import lifecycle, perms, records
from core.db import query
from core.errors import AppError, ValidationError
from core.web.pages import desk_context
from core.web.templating import render
from modules.accounting.companies import company_precision, company_settings
from modules.pos.profiles import check_cashier, mode_types, profile
from modules.pos.sessions import OPEN

if TYPE_CHECKING:
    from starlette.requests import Request

    from core.context import Context

PAGE = "pos.pos"
URL = f"/app/page/{PAGE}"
DOCTYPE = "POS Invoice"
LOYALTY_POINTS_METHOD = "loyalty.points_balance"


def show(ctx: Context, request: Request, body: dict[str, Any]) -> Response:
    if request.method == "POST":
        return _open_session(ctx, body)
    sessions = _open_sessions(ctx)
    wanted = request.query_params.get("profile")
    session = next((s for s in sessions if s["pos_profile"] == wanted),
                   sessions[0] if sessions else None)
    if session is None:
        return _no_session(ctx)
    return render("pos/screen.html", **desk_context(ctx), page=ctx.site.pages[PAGE],
                  title="Point of Sale", session=session, sessions=sessions,
                  config=screen_config(ctx, session))


def _open_sessions(ctx: Context) -> list[dict[str, Any]]:
    return query.select_rows(ctx, "POS Opening Entry", fields=[
        "name", "pos_profile", "company", "posting_date", "period_start_date"], filters={
        "user": ctx.user, "docstatus": 1, "status": OPEN}, order_by="creation desc")


def _sellable_profiles(ctx: Context) -> list[str]:
    """The enabled profiles this user is a cashier of."""
    names = []
    for row in records.get_all(ctx, "POS Profile"):
        if row["disabled"]:
            continue
        try:
            check_cashier(ctx, profile(ctx, row["name"]), ctx.user)
        except AppError:
            continue
        names.append(row["name"])
    return sorted(names)


def _no_session(ctx: Context, error: str = "", status: int = 200) -> Response:
    can_open = perms.has_right(ctx, "POS Opening Entry", "create") and \
        perms.has_right(ctx, "POS Opening Entry", "submit")
    return render("pos/no_session.html", status=status, **desk_context(ctx),
                  page=ctx.site.pages[PAGE], title="Point of Sale", error=error,
                  profiles=_sellable_profiles(ctx) if can_open else [],
                  can_open=can_open)


def _opening_amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value or "0").strip() or "0")
    except InvalidOperation:
        raise ValidationError("The opening cash must be an amount",
                              field="opening_amount") from None
    if amount < 0 or not amount.is_finite():
        raise ValidationError("The opening cash cannot be negative",
                              field="opening_amount")
    return amount


def _open_session(ctx: Context, body: dict[str, Any]) -> Response:
    """Open the cashier's session from the page's form, with the cash float in the
    profile's first cash mode."""
    perms.require(ctx, "POS Opening Entry", "create")
    perms.require(ctx, "POS Opening Entry", "submit")
    name = str(body.get("pos_profile") or "")
    try:
        amount = _opening_amount(body.get("opening_amount"))
        found = profile(ctx, name)
        types = mode_types(ctx, [r["mode_of_payment"] for r in found["payments"]])
        cash = next((m for m, kind in types.items() if kind == "Cash"), None)
        savepoint = ctx.conn.begin_nested()
        try:
            lifecycle.insert(ctx, lifecycle.new_doc(ctx, "POS Opening Entry", {
                "pos_profile": name, "user": ctx.user, "docstatus": 1,
                "balance_details": [{"mode_of_payment": cash, "opening_amount": amount}]
                if cash else []}))
            savepoint.commit()
        except BaseException:
            savepoint.rollback()
            raise
    except AppError as exc:
        return _no_session(ctx, error=exc.message, status=exc.status)
    return RedirectResponse(f"{URL}?profile={quote(name)}", status_code=303)


def screen_config(ctx: Context, session: dict[str, Any]) -> dict[str, Any]:
    """What the screen's script needs to sell in this session."""
    found = profile(ctx, session["pos_profile"])
    types = mode_types(ctx, [r["mode_of_payment"] for r in found["payments"]])
    meta = ctx.meta(DOCTYPE)
    return {
        "profile": found["name"], "session": session["name"], "company": found["company"],
        "warehouse": found["warehouse"], "price_list": found["selling_price_list"],
        "customer": found["customer"], "cashier": ctx.user,
        "currency": company_settings(ctx, found["company"])["default_currency"],
        "precision": company_precision(ctx, found["company"]),
        "payments": [{"mode": r["mode_of_payment"], "type": types.get(r["mode_of_payment"]),
                      "default": bool(r["default"])} for r in found["payments"]],
        "coupon": meta.has_field("coupon_code"),
        "loyalty": meta.has_field("redeem_loyalty_points") and meta.has_field(
            "loyalty_points"),
        "loyalty_lookup": LOYALTY_POINTS_METHOD in ctx.site.methods and
        LOYALTY_POINTS_METHOD.split(".")[0] in ctx.tenant.modules,
        "receipt_url": "/printview/" + quote(DOCTYPE) + "/",
    }
