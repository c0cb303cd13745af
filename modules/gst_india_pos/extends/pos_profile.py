"""A counter of a branch registered in another state sells under that branch's GSTIN:
its profile names the branch's address."""

from modules.gst_india.fields import COMPANY_ADDRESS

EXTENDS = "POS Profile"
FIELDS = [COMPANY_ADDRESS | {"description": "The branch whose GSTIN this counter's sales "
                                            "are issued under; the company's own when "
                                            "empty"}]
