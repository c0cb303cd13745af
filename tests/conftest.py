"""Engine tests: the shared fixtures come from tests/fixtures.py (see ../conftest.py)."""

from tests.fixtures import PASSWORD, TenantHandle, make_tenant

__all__ = ["PASSWORD", "TenantHandle", "make_tenant"]
