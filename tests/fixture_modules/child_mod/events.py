from tests.fixture_modules.tracing import trace


def register(on):
    on("Fx Move", "on_submit", trace("child_mod", "on_submit"))
    on("Fx Move", "on_cancel", trace("child_mod", "on_cancel"))
    on("Fx Note", "after_insert", trace("child_mod", "after_insert"))
