from tests.fixture_modules.tracing import trace


def register(on):
    on("Fx Move", "on_submit", trace("base_mod", "on_submit"))
    on("Fx Move", "on_cancel", trace("base_mod", "on_cancel"))
    on("*", "after_insert", trace("base_mod", "after_insert"))
