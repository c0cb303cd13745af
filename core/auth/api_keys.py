"""Issuing API keys: the secret is shown once and stored only as a digest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import lifecycle
from core.auth.passwords import digest_secret, new_api_credentials

if TYPE_CHECKING:
    from core.context import Context


def issue_api_key(ctx: Context, user: str) -> tuple[str, str]:
    """Give ``user`` a new key and secret (replacing any earlier pair)."""
    key, secret = new_api_credentials()
    doc = lifecycle.get_doc(ctx, "User", user)
    doc.api_key = key
    doc.api_secret = digest_secret(secret)
    lifecycle.save(ctx, doc)
    return key, secret
