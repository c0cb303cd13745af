"""Job functions the job tests queue."""

from core import lifecycle, perms
from core.jobs import enqueue


def make_role(ctx, role_name):
    """Leaves a trace of who ran it: a role named after the job's tenant and user.

    It checks the right first, as a service entry point would, so a job queued by a user
    without it fails: jobs run with the queuing user's real roles.
    """
    perms.require(ctx, "Role", "create")
    lifecycle.insert(ctx, lifecycle.new_doc(ctx, "Role", {
        "role_name": f"{role_name} by {ctx.user} in {ctx.tenant.name}"}))


def make_role_later(ctx, role_name):
    """A job that queues another job, as a chain of work does."""
    enqueue(ctx, "tests.jobfuncs.make_role", role_name=role_name)


def fail(ctx, message):
    raise RuntimeError(message)
