from tests.fixture_modules.tracing import trace


def register(on):
    on("Fx Move", "on_submit", trace("bridge_mod", "on_submit"))
