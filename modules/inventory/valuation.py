"""Stock valuation: what a receipt adds and an issue takes out, FIFO or moving average.

Pure functions over a ``StockState``. Every value change is rounded to the company
currency's precision, so the stock ledger's values and the GL entries that mirror them
agree to the paisa; the FIFO queue keeps exact quantities and rates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.meta.fieldtypes import quantize

ZERO = Decimal(0)
FIFO = "FIFO"


@dataclass
class StockState:
    qty: Decimal = ZERO
    value: Decimal = ZERO
    queue: list[list[Decimal]] = field(default_factory=list)  # [qty, rate], oldest first

    @property
    def rate(self) -> Decimal:
        if self.qty > 0:
            return self.value / self.qty
        return self.queue[-1][1] if self.queue else ZERO


def receive(state: StockState, qty: Decimal, rate: Decimal, method: str,
            precision: int) -> Decimal:
    """Add ``qty`` at ``rate``; returns the value added (rounded)."""
    difference = quantize(qty * rate, precision)
    state.qty += qty
    state.value += difference
    if method == FIFO:
        state.queue.append([qty, rate])
    return difference


def issue(state: StockState, qty: Decimal, method: str, precision: int,
          rate: Decimal | None = None) -> Decimal:
    """Take ``qty`` out; returns the (negative) value taken, at FIFO cost or the average.

    ``rate`` sends goods back at the rate they came in at (a return to the supplier):
    under FIFO the batches of that rate go first; under moving average it is the cost.
    """
    if rate is not None and method == FIFO:
        cost = _consume_at(state.queue, qty, rate, state.rate)
    elif rate is not None:
        cost = qty * rate
    else:
        cost = _consume(state.queue, qty, state.rate) if method == FIFO else qty * state.rate
    difference = -quantize(cost, precision)
    state.qty -= qty
    state.value += difference
    if state.qty == 0:
        state.value = ZERO
    return difference


def _consume(queue: list[list[Decimal]], qty: Decimal, fallback_rate: Decimal) -> Decimal:
    """Take ``qty`` from the oldest batches; what the queue lacks costs the last rate."""
    cost, left = ZERO, qty
    while left > 0 and queue:
        batch_qty, batch_rate = queue[0]
        taken = min(batch_qty, left)
        cost += taken * batch_rate
        left -= taken
        if taken == batch_qty:
            queue.pop(0)
        else:
            queue[0] = [batch_qty - taken, batch_rate]
    return cost + left * fallback_rate


def _consume_at(queue: list[list[Decimal]], qty: Decimal, rate: Decimal,
                fallback_rate: Decimal) -> Decimal:
    """Take ``qty`` from the newest batches at ``rate`` (to six places, as the ledger
    stores it), then from the oldest; the other batches keep their order."""
    wanted, cost, left = quantize(rate, 6), ZERO, qty
    for batch in reversed(queue):
        if left > 0 and quantize(batch[1], 6) == wanted:
            taken = min(batch[0], left)
            cost += taken * batch[1]
            left -= taken
            batch[0] -= taken
    queue[:] = [b for b in queue if b[0] > 0]
    return cost + (_consume(queue, left, fallback_rate) if left > 0 else ZERO)


def restore(state: StockState, qty: Decimal, value: Decimal, method: str) -> None:
    """Undo a movement exactly (a cancellation): the opposite quantity and value.

    A cancelled issue returns its units to the front of the FIFO queue (they were the
    oldest); a cancelled receipt takes its units back from the queue's end.
    """
    state.qty += qty
    state.value += value
    if method != FIFO or qty == 0:
        return
    rate = abs(value / qty)
    if qty > 0:
        state.queue.insert(0, [qty, rate])
    else:
        _take_from_end(state.queue, -qty)


def _take_from_end(queue: list[list[Decimal]], qty: Decimal) -> None:
    while qty > 0 and queue:
        batch_qty, rate = queue[-1]
        taken = min(batch_qty, qty)
        qty -= taken
        if taken == batch_qty:
            queue.pop()
        else:
            queue[-1] = [batch_qty - taken, rate]
