from tests.event_modules.tracing import trace


def register(on):
    on("Ev Move", "on_submit", trace("stock_like"))
    on("Ev Move", "on_cancel", trace("stock_like"))
    on("Ev Note", "after_insert", trace("stock_like"))
