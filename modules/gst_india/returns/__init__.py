"""GST returns: GSTR-1 and GSTR-3B in the GST portal's JSON, and the reconciliation of
purchase invoices with the GSTR-2B the portal gives. Everything here reads the GST field
contract of the invoices (see the module README), never their tax rows."""
