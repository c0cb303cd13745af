"""The GST state code table (``states.json`` beside this file): codes, names and the
"NN-Name" labels that documents store as their place of supply."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

OTHER_COUNTRIES = "96-Other Countries"


@dataclass(frozen=True)
class State:
    code: str
    name: str
    kind: str
    tax: str  # SGST or UTGST: what the state's half of an intra-state supply is called

    @property
    def label(self) -> str:
        return f"{self.code}-{self.name}"


def _load() -> tuple[State, ...]:
    data = json.loads(Path(__file__).with_name("states.json").read_text("utf-8"))
    return tuple(State(**row) for row in data["states"])


STATES = _load()
BY_CODE = MappingProxyType({s.code: s for s in STATES})
BY_LABEL = MappingProxyType({s.label: s for s in STATES})
BY_NAME = MappingProxyType({s.name.casefold(): s for s in STATES})
# Select options for place_of_supply and an address's GST state
STATE_OPTIONS = "\n".join([""] + [s.label for s in STATES])


def state_for_code(code: str) -> State | None:
    return BY_CODE.get(code)


def state_from_text(text: str | None) -> State | None:
    """A state from a label ("27-Maharashtra"), a code ("27") or a name ("maharashtra")."""
    text = (text or "").strip()
    if not text:
        return None
    return BY_LABEL.get(text) or BY_CODE.get(text.zfill(2) if text.isdigit() else text) \
        or BY_NAME.get(text.casefold())


def label_of_gstin(gstin: str | None) -> str | None:
    """The place of supply a GSTIN is registered in (its first two digits)."""
    state = BY_CODE.get((gstin or "")[:2])
    return state.label if state else None
