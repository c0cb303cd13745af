"""Registered by the module every other depends on, so it must run first... for the
events it handles; the test checks the order the handlers wrote their traces."""

from tests.event_modules.tracing import trace


def register(on):
    on("Ev Move", "on_submit", trace("ledger_like"))
    on("Ev Move", "on_cancel", trace("ledger_like"))
    on("*", "after_insert", trace("ledger_like", only="Ev Move"))
