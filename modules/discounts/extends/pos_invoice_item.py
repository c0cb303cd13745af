"""What discounts adds to a POS Invoice line: the schemes behind its rate, or that it is
free."""

from modules.discounts.fields import LINE_FIELDS

EXTENDS = "POS Invoice Item"
FIELDS = LINE_FIELDS
