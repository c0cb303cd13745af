"""The demo tenant's program: installed with the demo data and earning on a demo sale.

    Showroom Rewards: a point is worth 1.00; Silver 1 point per 100.00.
    Anita Desai buys 1 CHAIR-OAK @ 2,999.00 (no tax): 29 points, 29.00 deferred.
"""

import uuid

from core import lifecycle
from modules.accounting.tests.builders import gl_lines
from modules.loyalty.demo import COMPANY, PROFILE, PROGRAM
from modules.loyalty.tests.builders import D, entries
from tenants.provisioning import new_tenant


def test_the_demo_program_earns_on_a_demo_sale(sqlite_site):
    name = f"t-{uuid.uuid4().hex[:10]}"
    new_tenant(sqlite_site, name, "demo-password-1", modules=["loyalty"], demo=True)
    with sqlite_site.transaction(name, "admin") as ctx:
        profile = lifecycle.get_doc(ctx, "POS Profile", PROFILE)
        assert "Loyalty Points" in [r.mode_of_payment for r in profile.payments]
        invoice = lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Sales Invoice", {
            "customer": "Anita Desai", "company": COMPANY, "posting_date": "2026-05-04",
            "items": [{"item_code": "CHAIR-OAK", "qty": 1, "rate": 2999}],
            "docstatus": 1}))
        assert invoice.loyalty_program == PROGRAM
        assert entries(ctx, "Anita Desai") == [("Earned", 29, invoice.name)]
        assert ("Loyalty Points Liability - DF", D("0.00"), D("29.00")) in \
            gl_lines(ctx, invoice.name)
