"""Modules the event tests load instead of the product's: base_mod, child_mod (depends on
base_mod) and bridge_mod (installs itself once both are installed). Each handler writes an
Fx Trace row, so a test reads back which handlers ran and in what order."""
