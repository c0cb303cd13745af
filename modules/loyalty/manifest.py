"""Loyalty: programs with tiers, points earned on sales and counter sales, redeemed as a
payment, expiring after a while, and the revenue the points stand for deferred until
they are used or lapse."""

COMPANY = {"fieldname": "company", "fieldtype": "Link", "options": "Company",
           "label": "Company", "reqd": 1}
CUSTOMER = {"fieldname": "customer", "fieldtype": "Link", "options": "Customer",
            "label": "Customer", "reqd": 1}

MANIFEST = {
    "name": "loyalty",
    "title": "Loyalty",
    "version": "1.0.0",
    "depends": ["pos"],
    "description": "Loyalty programs and tiers, points earned on sales and POS invoices, "
                   "redeemed as a payment, expiry and the deferred revenue they carry.",
    "scheduled": [{"method": "modules.loyalty.jobs.expire_points", "every": "daily"}],
    "reports": [
        {"name": "customer_points", "label": "Customer Loyalty Points",
         "method": "loyalty.customer_points", "totals": "totals",
         "filters": [COMPANY, CUSTOMER,
                     {"fieldname": "on", "fieldtype": "Date", "label": "On"}],
         "columns": [{"fieldname": "posting_date", "label": "Date", "fieldtype": "Date"},
                     {"fieldname": "entry_type", "label": "Entry", "fieldtype": "Data"},
                     {"fieldname": "loyalty_points", "label": "Points",
                      "fieldtype": "Int"},
                     {"fieldname": "purchase_amount", "label": "Purchase Amount",
                      "fieldtype": "Currency"},
                     {"fieldname": "loyalty_tier", "label": "Tier", "fieldtype": "Data"},
                     {"fieldname": "voucher_type", "label": "Voucher Type",
                      "fieldtype": "Data"},
                     {"fieldname": "voucher_no", "label": "Voucher", "fieldtype": "Data"},
                     {"fieldname": "expiry_date", "label": "Expires",
                      "fieldtype": "Date"}]},
    ],
}
