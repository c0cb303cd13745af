"""The ledger's named errors: each says which rule refused the posting."""

from core.errors import AppError, ValidationError


class UnbalancedPosting(ValidationError):
    code = "ACC-UNBALANCED"


class PeriodLocked(AppError):
    """The posting date is on or before the company's frozen-till date or in a closed
    period."""

    status = 409
    code = "ACC-PERIOD-LOCKED"


class GroupAccountPosting(ValidationError):
    code = "ACC-GROUP-ACCOUNT"


class InvalidAccount(ValidationError):
    code = "ACC-INVALID-ACCOUNT"


class PartyRequired(ValidationError):
    code = "ACC-PARTY-REQUIRED"


class NoFiscalYear(ValidationError):
    code = "ACC-NO-FISCAL-YEAR"


class LedgerIsAppendOnly(AppError):
    status = 403
    code = "ACC-APPEND-ONLY"


class BudgetExceeded(ValidationError):
    code = "ACC-BUDGET-EXCEEDED"
