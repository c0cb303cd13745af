"""A document's GST header: the company's and the party's GSTIN, the party's category, the
supplier's state and the place of supply. Values the document already has are kept (a
user may set them); empty ones are filled from the company, the party and its address.

A company registered in several states has a GSTIN on each branch's address: a
document's Company Address picks the registration (and so the supplier's state) it is
issued under, else the company's own GSTIN applies. The party's address on the document
(a sales invoice's Billing Address) goes before the party's primary address."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.db import query
from core.errors import ValidationError
from modules.gst_india.categories import (
    CATEGORIES,
    NEEDS_GSTIN,
    OVERSEAS,
    REGULAR,
    UIN_HOLDERS,
    UNREGISTERED,
    ZERO_RATED,
)
from modules.gst_india.errors import InvalidGSTIN
from modules.gst_india.gstin import clean_gstin, pan_of
from modules.gst_india.states import BY_LABEL, OTHER_COUNTRIES, label_of_gstin

if TYPE_CHECKING:
    from core.context import Context
    from core.document import Document


@dataclass(frozen=True)
class Flow:
    """What differs between a sale and a purchase for GST."""

    party_type: str       # Customer / Supplier
    party_field: str      # customer / supplier
    party_gstin: str      # billing_gstin / supplier_gstin
    party_address: str    # the party's primary address field
    is_purchase: bool
    document_address: str = ""  # the document's own field for the party's address


SHIP_TO = "shipping_address_name"  # a sale's delivery address, where a document has one


@dataclass(frozen=True)
class Supply:
    supplier_state: str   # the company's on a sale, the supplier's on a purchase
    place_of_supply: str
    category: str         # the customer's on a sale, the supplier's on a purchase


def fill_header(ctx: Context, doc: Document, flow: Flow, company: dict[str, Any]) -> Supply:
    _forget_derived(doc, flow)
    party = _party(ctx, doc, flow)
    address = _address(ctx, doc.get(flow.document_address) or party.get(flow.party_address))
    doc.company_gstin = _company_gstin(ctx, doc, company)
    category = doc.gst_category or party.get("gst_category") or \
        (REGULAR if party.get("gstin") else UNREGISTERED)
    if category not in CATEGORIES:
        raise ValidationError(f"GST category {category} is not one of "
                              f"{', '.join(CATEGORIES)}", field="gst_category")
    doc.gst_category = category
    gstin = doc.get(flow.party_gstin) or address.get("gstin") or party.get("gstin")
    if gstin:
        gstin = clean_gstin(gstin, flow.party_gstin, f"{flow.party_type} GSTIN",
                            allow_uin=category == UIN_HOLDERS)
    elif category in NEEDS_GSTIN:
        raise InvalidGSTIN(f"A {category} {flow.party_type.lower()} needs a GSTIN",
                           field=flow.party_gstin)
    doc.set(flow.party_gstin, gstin)
    state = _party_state(category, address, gstin)
    if not flow.is_purchase and not gstin and category != OVERSEAS:
        # goods delivered to an unregistered buyer are supplied where they are delivered
        # (IGST Act s. 10(1)(a)); a registered buyer who has them shipped elsewhere is
        # supplied at its own registration (s. 10(1)(b), bill-to-ship-to)
        state = _address(ctx, doc.get(SHIP_TO)).get("gst_state") or state
    return _supply(doc, flow, category, state)


def _company_gstin(ctx: Context, doc: Document, company: dict[str, Any]) -> str:
    """The GSTIN set on the document, else that of its Company Address (a branch), else
    the company's: any of them a registration of the company's PAN."""
    branch = _address(ctx, doc.get("company_address")).get("gstin")
    gstin = clean_gstin(doc.company_gstin or branch or company["gstin"], "company_gstin",
                        "Company GSTIN")
    pan = pan_of(company["gstin"])
    if pan_of(gstin) != pan:
        raise InvalidGSTIN(f"Company GSTIN {gstin} is not a registration of {doc.company} "
                           f"(PAN {pan})", field="company_gstin")
    return gstin


def _forget_derived(doc: Document, flow: Flow) -> None:
    """A draft whose party or company changed takes the GST details of the new one."""
    before = doc.previous or {}
    stale: tuple[str, ...] = ()
    if before.get(flow.party_field) not in (None, doc.get(flow.party_field)):
        stale = ("gst_category", flow.party_gstin, "place_of_supply")
    if flow.document_address and _changed(before, flow.document_address, doc):
        stale += (flow.party_gstin, "place_of_supply")
    if not flow.is_purchase and _changed(before, SHIP_TO, doc):
        stale += ("place_of_supply",)
    if before.get("company") not in (None, doc.company) or \
            _changed(before, "company_address", doc):
        stale += ("company_gstin", "place_of_supply")
    for field in stale:  # a value the user changed in the same save is theirs to keep
        if doc.get(field) == before.get(field):
            doc.set(field, None)


def _changed(before: dict[str, Any], field: str, doc: Document) -> bool:
    """An address of a saved draft changed, set where there was none included."""
    return bool(before) and before.get(field) != doc.get(field)


def _supply(doc: Document, flow: Flow, category: str, party_state: str | None) -> Supply:
    company_state = label_of_gstin(doc.company_gstin) or ""
    if flow.is_purchase:
        place = doc.place_of_supply or company_state
        supplier = party_state or company_state
    else:
        place = doc.place_of_supply or party_state or company_state
        supplier = company_state
    if place not in BY_LABEL:
        raise ValidationError(f"Place of supply {place} is not a GST state such as "
                              "27-Maharashtra", field="place_of_supply")
    doc.place_of_supply = place
    return Supply(supplier, place, category)


def _party_state(category: str, address: dict[str, Any], gstin: str | None) -> str | None:
    if category == OVERSEAS:
        return OTHER_COUNTRIES
    return address.get("gst_state") or label_of_gstin(gstin)


def _party(ctx: Context, doc: Document, flow: Flow) -> dict[str, Any]:
    return query.row(ctx, flow.party_type, doc.get(flow.party_field) or "") or {}


def _address(ctx: Context, name: str | None) -> dict[str, Any]:
    if not name:
        return {}
    rows = query.select_rows(ctx, "Address", fields=["gstin", "gst_state"],
                             filters={"name": name}, limit=1)
    return rows[0] if rows else {}


def export_with_payment(doc: Document, flow: Flow, category: str,
                        company: dict[str, Any]) -> bool:
    """A zero-rated sale pays IGST unless the company has an LUT and the document does
    not ask to pay; without an LUT the law leaves no choice."""
    if flow.is_purchase or category not in ZERO_RATED:
        doc.is_export_with_gst = 0
        return True
    with_payment = bool(doc.is_export_with_gst) or not company.get("gst_export_under_lut")
    doc.is_export_with_gst = int(with_payment)
    return with_payment
