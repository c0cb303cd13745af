"""Stock's named errors."""

from core.errors import AppError, ValidationError


class NegativeStock(ValidationError):
    code = "STK-NEGATIVE"


class BatchError(ValidationError):
    """A batch missing, of another item, expired, disabled or short of stock."""

    code = "STK-BATCH"


class SerialNoError(ValidationError):
    """Serial numbers missing, miscounted, unknown, or not in the warehouse."""

    code = "STK-SERIAL"


class StockLedgerIsAppendOnly(AppError):
    status = 403
    code = "STK-APPEND-ONLY"
