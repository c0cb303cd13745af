"""Discounts: promotional schemes (percentage, amount, free items) and coupon codes,
applied the same way on sales orders, sales invoices and POS invoices."""

MANIFEST = {
    "name": "discounts",
    "title": "Discounts and Coupons",
    "version": "0.1.0",
    "depends": ["pos"],
    "description": "Promotional schemes on top of pricing rules, coupon codes with use "
                   "limits, on sales orders, sales invoices and POS invoices.",
}
