"""What discounts adds to a Sales Order line: the schemes behind its rate, or that it is
free."""

from modules.discounts.fields import LINE_FIELDS

EXTENDS = "Sales Order Item"
FIELDS = LINE_FIELDS
