"""Tax Withholding Rate: a category's rate and thresholds for one kind of deductee, from
one date (to another, or open-ended)."""

from modules.tds_india.deductees import RATE_DEDUCTEE_TYPES

DOCTYPE = {
    "name": "Tax Withholding Rate",
    "cache_records": 1,
    "istable": True,
    "fields": [
        {"fieldname": "from_date", "fieldtype": "Date", "label": "From Date", "reqd": 1,
         "in_list_view": 1},
        {"fieldname": "to_date", "fieldtype": "Date", "label": "To Date", "in_list_view": 1},
        {"fieldname": "deductee_type", "fieldtype": "Select", "label": "Deductee Type",
         "options": "\n".join(RATE_DEDUCTEE_TYPES), "default": RATE_DEDUCTEE_TYPES[0],
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "rate", "fieldtype": "Percent", "label": "Rate", "precision": 3,
         "reqd": 1, "in_list_view": 1},
        {"fieldname": "single_threshold", "fieldtype": "Currency",
         "label": "Single Transaction Threshold", "in_list_view": 1,
         "description": "A bill above it is taxed; 0: no single-bill threshold"},
        {"fieldname": "cumulative_threshold", "fieldtype": "Currency",
         "label": "Annual Threshold", "in_list_view": 1,
         "description": "Once the financial year's total is above it, this bill and the "
                        "earlier untaxed ones are taxed; 0: no annual threshold"},
    ],
}
