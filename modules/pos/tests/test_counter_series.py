"""A counter's own number series: its sales are numbered in it, so counters never wait
for each other's numbers; without one, sales share the common series."""

import pytest

from core.errors import ValidationError
from modules.pos.tests.builders import make_profile, open_session, pos_books, sale, stocked_item


def test_each_counter_numbers_its_sales_in_its_own_series(site):
    handle = pos_books(site)
    with handle.tx() as ctx:
        stocked_item(ctx, "PEN", 100, 10, 25)
        make_profile(ctx, name="Counter 1", naming_series="CTR1-.#####")
        make_profile(ctx, name="Counter 2", users=("admin",))
        open_session(ctx, profile="Counter 1")
        open_session(ctx, profile="Counter 2")
        year = f"{ctx.now:%Y}"
        names = [sale(ctx, [{"item_code": "PEN", "qty": 1}], [("Cash", 25)],
                      pos_profile=counter).name
                 for counter in ("Counter 1", "Counter 2", "Counter 1", "Counter 2")]
    assert names == ["CTR1-00001", f"ACC-PSINV-{year}-00001", "CTR1-00002",
                     f"ACC-PSINV-{year}-00002"]


def test_a_series_without_digits_is_refused(site):
    handle = pos_books(site)
    with pytest.raises(ValidationError) as refused, handle.tx() as ctx:
        make_profile(ctx, naming_series="CTR1-.YY.-")
    assert refused.value.field == "naming_series"
