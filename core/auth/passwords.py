"""Password and API secret hashing.

Passwords are argon2id hashes (slow on purpose). API secrets are long random strings, so a
fast SHA-256 digest is as safe for them and keeps token-authenticated requests cheap.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
HASH_PREFIX = "$argon2"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def is_hashed(value: str | None) -> bool:
    return bool(value) and str(value).startswith(HASH_PREFIX)


def verify_password(stored: str | None, password: str) -> bool:
    if not stored or not is_hashed(stored):
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def new_api_credentials() -> tuple[str, str]:
    return secrets.token_hex(8), secrets.token_hex(16)


def digest_secret(secret: str) -> str:
    return "sha256$" + hashlib.sha256(secret.encode()).hexdigest()


def verify_secret(stored: str | None, secret: str) -> bool:
    return bool(stored) and hmac.compare_digest(str(stored), digest_secret(secret))
