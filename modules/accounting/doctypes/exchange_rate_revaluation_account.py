"""Exchange Rate Revaluation Account: one foreign-currency balance restated at a new rate."""

DOCTYPE = {
    "name": "Exchange Rate Revaluation Account",
    "istable": True,
    "fields": [
        {"fieldname": "account", "fieldtype": "Link", "options": "Account",
         "label": "Account", "reqd": 1, "in_list_view": 1},
        {"fieldname": "party_type", "fieldtype": "Data", "label": "Party Type"},
        {"fieldname": "party", "fieldtype": "Data", "label": "Party", "in_list_view": 1},
        {"fieldname": "account_currency", "fieldtype": "Data", "label": "Currency",
         "read_only": 1},
        {"fieldname": "balance_in_account_currency", "fieldtype": "Currency",
         "label": "Balance (Account Currency)", "read_only": 1, "in_list_view": 1},
        {"fieldname": "balance_in_base_currency", "fieldtype": "Currency",
         "label": "Balance (Company Currency)", "read_only": 1},
        {"fieldname": "new_exchange_rate", "fieldtype": "Float", "label": "New Rate",
         "precision": 9, "in_list_view": 1},
        {"fieldname": "new_balance_in_base_currency", "fieldtype": "Currency",
         "label": "New Balance (Company Currency)", "read_only": 1},
        {"fieldname": "gain_loss", "fieldtype": "Currency", "label": "Gain / Loss",
         "read_only": 1, "in_list_view": 1},
    ],
}
