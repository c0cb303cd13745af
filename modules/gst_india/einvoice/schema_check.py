"""A small checker for the JSON Schema subset our schema files use.

It walks a payload against a schema and returns every violation with the path of the
offending value (``BuyerDtls.Gstin``, ``ItemList[2].HsnCd``), so an error can name the
field the way the IRP's own error list does. Numbers may be Decimal, int or float.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

Schema = dict[str, Any]


@dataclass(frozen=True)
class Violation:
    path: str
    message: str


@cache
def load_schema(path: Path) -> Schema:
    return json.loads(path.read_text("utf-8"))


def violations(schema: Schema, payload: Any) -> list[Violation]:
    """Every rule of ``schema`` that ``payload`` breaks, in document order."""
    found: list[Violation] = []
    _check(schema, schema.get("definitions", {}), payload, "", found)
    return found


def _check(rule: Schema, definitions: Schema, value: Any, path: str,
           found: list[Violation]) -> None:
    if "$ref" in rule:
        rule = definitions[rule["$ref"]] | {k: v for k, v in rule.items() if k != "$ref"}
    kind = rule.get("type")
    if kind and not _is_type(value, kind):
        found.append(Violation(path, f"must be {_article(kind)}"))
        return
    if kind == "object":
        _check_object(rule, definitions, value, path, found)
    elif kind == "array":
        _check_array(rule, definitions, value, path, found)
    elif kind == "string":
        _check_string(rule, value, path, found)
    elif kind in ("number", "integer"):
        _check_number(rule, value, path, found)


def _check_object(rule: Schema, definitions: Schema, value: dict[str, Any], path: str,
                  found: list[Violation]) -> None:
    for key in rule.get("required", ()):
        if value.get(key) in (None, ""):
            found.append(Violation(_join(path, key), "is required"))
    for key, sub in rule.get("properties", {}).items():
        if value.get(key) not in (None, ""):
            _check(sub, definitions, value[key], _join(path, key), found)
    for key in value:
        if key not in rule.get("properties", {}):
            found.append(Violation(_join(path, key), "is not a field of the schema"))


def _check_array(rule: Schema, definitions: Schema, value: list[Any], path: str,
                 found: list[Violation]) -> None:
    if len(value) < rule.get("minItems", 0):
        found.append(Violation(path, f"needs at least {rule['minItems']} entries"))
    if "maxItems" in rule and len(value) > rule["maxItems"]:
        found.append(Violation(path, f"has more than {rule['maxItems']} entries"))
    for i, item in enumerate(value):
        _check(rule.get("items", {}), definitions, item, f"{path}[{i}]", found)


def _check_string(rule: Schema, value: str, path: str, found: list[Violation]) -> None:
    if "enum" in rule and value not in rule["enum"]:
        found.append(Violation(path, f"{value!r} is not one of {', '.join(rule['enum'])}"))
        return
    if len(value) < rule.get("minLength", 0):
        found.append(Violation(path, f"{value!r} is shorter than {rule['minLength']} "
                                     "characters"))
    if "maxLength" in rule and len(value) > rule["maxLength"]:
        found.append(Violation(path, f"{value!r} is longer than {rule['maxLength']} "
                                     "characters"))
    if "pattern" in rule and not re.search(rule["pattern"], value):
        found.append(Violation(path, f"{value!r} does not match {rule['pattern']}"))


def _check_number(rule: Schema, value: Decimal | int | float, path: str,
                  found: list[Violation]) -> None:
    number = Decimal(str(value))
    if "enum" in rule and number not in {Decimal(str(v)) for v in rule["enum"]}:
        found.append(Violation(path, f"{value} is not one of "
                                     f"{', '.join(str(v) for v in rule['enum'])}"))
    if "minimum" in rule and number < Decimal(str(rule["minimum"])):
        found.append(Violation(path, f"{value} is below {rule['minimum']}"))
    if "maximum" in rule and number > Decimal(str(rule["maximum"])):
        found.append(Violation(path, f"{value} is above {rule['maximum']}"))


def _is_type(value: Any, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    return isinstance(value, {"string": str, "object": dict, "array": list}[kind])


def _article(kind: str) -> str:
    return {"integer": "a whole number", "array": "a list", "object": "an object"}.get(
        kind, f"a {kind}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
