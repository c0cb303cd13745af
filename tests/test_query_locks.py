"""Row locks of the query layer on PostgreSQL: shared locks let readers in together and
keep writers out; an update lock keeps everyone out."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from core import lifecycle
from core.db import query
from tests.fixtures import make_tenant


def test_shared_locks_admit_each_other_and_hold_off_an_update_lock(postgres_site):
    handle = make_tenant(postgres_site)
    with handle.tx() as ctx:
        lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {"role_name": "Counter"}))

    def locked(ctx, **lock):  # noqa: ANN001
        ctx.conn.execute(text("SET LOCAL lock_timeout = '300ms'"))
        return query.select_rows(ctx, "Role", fields=["name"], filters={"name": "Counter"},
                                 **lock)

    with handle.tx() as first, handle.tx() as second:
        assert locked(first, for_share=True) == locked(second, for_share=True) \
            == [{"name": "Counter"}]
        with pytest.raises(OperationalError, match="lock timeout"), handle.tx() as third:
            locked(third, for_update=True)
