"""The read-only fields that say what TDS a document deducted, and why."""

from __future__ import annotations


def result_fields(after: str) -> list[dict[str, object]]:
    fields: list[dict[str, object]] = [
        {"fieldname": "tds_taxable_amount", "fieldtype": "Currency",
         "label": "TDS Taxable Amount", "read_only": 1,
         "description": "What this TDS was computed on, earlier bills caught up included"},
        {"fieldname": "tds_rate", "fieldtype": "Percent", "label": "TDS Rate",
         "precision": 3, "read_only": 1},
        {"fieldname": "tds_amount", "fieldtype": "Currency", "label": "TDS Amount",
         "read_only": 1, "in_list_view": 0},
        {"fieldname": "lower_deduction_certificate", "fieldtype": "Link",
         "options": "Lower Deduction Certificate", "label": "Lower Deduction Certificate",
         "read_only": 1},
        {"fieldname": "certificate_taxable_amount", "fieldtype": "Currency",
         "label": "Taxed at the Certificate's Rate", "read_only": 1},
        {"fieldname": "tds_reason", "fieldtype": "Data", "label": "26Q Remarks",
         "read_only": 1, "description": "A: lower deduction certificate; C: higher rate, "
                                        "no PAN"},
    ]
    previous = after
    for field in fields:
        field["insert_after"] = previous
        previous = str(field["fieldname"])
    return fields
