"""What discounts adds to a Sales Invoice line: the schemes behind its rate, or that it is
free."""

from modules.discounts.fields import LINE_FIELDS

EXTENDS = "Sales Invoice Item"
FIELDS = LINE_FIELDS
