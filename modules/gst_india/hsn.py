"""HSN codes (goods) and SAC codes (services, chapter 99): 4, 6 or 8 digits."""

from __future__ import annotations

from modules.gst_india.errors import InvalidHSNCode

HSN_LENGTHS = (4, 6, 8)


def clean_hsn(value: str | None, field: str = "gst_hsn_code") -> str | None:
    """The code without spaces or dots, or InvalidHSNCode naming ``field``."""
    code = "".join((value or "").split()).replace(".", "")
    if not code:
        return None
    if not code.isdigit() or len(code) not in HSN_LENGTHS:
        raise InvalidHSNCode(f"HSN/SAC code {value} must be 4, 6 or 8 digits", field=field)
    return code


def prefixes(code: str) -> list[str]:
    """The headings a code falls under, longest first: 94035000 -> 94035000, 940350, 9403."""
    return [code[:n] for n in sorted(HSN_LENGTHS, reverse=True) if n <= len(code)]
