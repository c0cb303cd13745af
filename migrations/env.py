"""Alembic environment for hand-written migrations (renames, data moves, backfills).

Additive changes (new doctypes, fields, indexes) need no script: ``erp migrate`` derives
them from metadata first. Scripts here run after that, on the owner connection that
``core.db.alembic.upgrade`` hands over in ``config.attributes["connection"]``.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
