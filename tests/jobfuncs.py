"""Job functions the job tests queue."""

from core import lifecycle


def make_role(ctx, role_name):
    """Leaves a trace of who ran it: a role named after the job's tenant and user."""
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {
        "role_name": f"{role_name} by {ctx.user} in {ctx.tenant.name}"}))


def fail(ctx, message):
    raise RuntimeError(message)
