"""Stock's named errors."""

from core.errors import AppError, ValidationError


class NegativeStock(ValidationError):
    code = "STK-NEGATIVE"


class StockLedgerIsAppendOnly(AppError):
    status = 403
    code = "STK-APPEND-ONLY"
