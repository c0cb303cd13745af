from tests.event_modules.tracing import trace


def register(on):
    on("Ev Move", "on_submit", trace("bridge_like"))
