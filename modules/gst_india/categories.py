"""GST categories of a registration, and which of them need a GSTIN.

The category of the party decides how a supply is taxed: SEZ and Overseas supplies are
zero-rated (IGST, or nil under a Letter of Undertaking), the others follow the place of
supply. It is kept on companies, customers and suppliers, and copied to each document.
"""

from __future__ import annotations

REGULAR = "Registered Regular"
COMPOSITION = "Registered Composition"
UNREGISTERED = "Unregistered"
SEZ = "SEZ"
OVERSEAS = "Overseas"
DEEMED_EXPORT = "Deemed Export"
UIN_HOLDERS = "UIN Holders"
CONSUMER = "Consumer"

CATEGORIES = (REGULAR, COMPOSITION, UNREGISTERED, SEZ, OVERSEAS, DEEMED_EXPORT,
              UIN_HOLDERS, CONSUMER)
CATEGORY_OPTIONS = "\n".join(CATEGORIES)
NEEDS_GSTIN = frozenset({REGULAR, COMPOSITION, SEZ, DEEMED_EXPORT, UIN_HOLDERS})
HAS_NO_GSTIN = frozenset({UNREGISTERED, CONSUMER})
# Exports and supplies to SEZ units: IGST whatever the states, or nil under an LUT
ZERO_RATED = frozenset({SEZ, OVERSEAS})
# Suppliers whose invoices charge GST (others only under reverse charge)
CHARGING_SUPPLIERS = frozenset({REGULAR, SEZ, DEEMED_EXPORT})
