"""Demo data: a few people and the offices they work at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle

if TYPE_CHECKING:
    from core.context import Context

ADDRESSES = [
    ("Head Office", "14 MG Road", "Bengaluru", "Karnataka", "560001"),
    ("Pune Works", "Plot 7, Hinjewadi Phase 2", "Pune", "Maharashtra", "411057"),
    ("Ahmedabad Depot", "22 Ashram Road", "Ahmedabad", "Gujarat", "380009"),
]
PEOPLE = [
    ("Asha", "Rao", "asha.rao@example.com", "+91 98450 11223", "Rao Traders", 0),
    ("Vikram", "Shah", "vikram@shahsteel.example", "+91 98250 44556", "Shah Steel", 2),
    ("Meera", "Iyer", "meera.iyer@example.org", "+91 99000 77889", "Iyer & Sons", 0),
    ("Rahul", "Deshpande", "rahul.d@example.net", "+91 98220 33445", "Deccan Foods", 1),
]


def make_demo(ctx: Context) -> None:
    addresses = []
    for title, line1, city, state, pincode in ADDRESSES:
        addresses.append(lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Address", {
            "address_title": title, "address_type": "Office", "address_line1": line1,
            "city": city, "state": state, "pincode": pincode})).name)
    for first, last, email, mobile, org, address in PEOPLE:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Contact", {
            "first_name": first, "last_name": last, "email_id": email, "mobile_no": mobile,
            "company_name": org, "address": addresses[address],
            "phone_nos": [{"phone": mobile, "kind": "Mobile"}]}))
