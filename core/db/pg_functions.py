"""Owner-run DDL that the application role may ask for inside its own transaction.

The application role owns no table, so it cannot add a column itself; yet the request
that saves a Custom Field has already read the target table (``user`` at the very least,
to authenticate), so a separate owner connection would wait on that request's own lock.
These SECURITY DEFINER functions run as the owner inside the request's transaction and
accept only what a custom field needs: a tenant table, a plain identifier, a column type
from a fixed list. Nothing else can be altered through them.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

ALLOWED_TYPES = ("varchar(140)", "text", "integer", "numeric(21,9)", "date",
                 "timestamp without time zone", "time without time zone", "jsonb")

ADD_COLUMN = """
CREATE OR REPLACE FUNCTION erp_add_column(tbl text, col text, coltype text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF col !~ '^[a-z][a-z0-9_]{0,62}$' THEN
    RAISE EXCEPTION 'invalid column name %', col;
  END IF;
  IF NOT (lower(coltype) = ANY (ARRAY[{types}])) THEN
    RAISE EXCEPTION 'column type % is not allowed', coltype;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'
                 AND table_name = tbl AND column_name = 'tenant_id') THEN
    RAISE EXCEPTION 'table % is not a tenant table', tbl;
  END IF;
  EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS %I %s', tbl, col, coltype);
END $$;
"""

ADD_INDEX = """
CREATE OR REPLACE FUNCTION erp_add_index(tbl text, col text, idx text, is_unique boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF idx !~ '^(ix|uq)_[a-z0-9_]{1,60}$' THEN
    RAISE EXCEPTION 'invalid index name %', idx;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'
                 AND table_name = tbl AND column_name = col)
     OR NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'
                    AND table_name = tbl AND column_name = 'tenant_id') THEN
    RAISE EXCEPTION 'no column % on tenant table %', col, tbl;
  END IF;
  EXECUTE format('CREATE %s INDEX IF NOT EXISTS %I ON %I (tenant_id, %I)',
                 CASE WHEN is_unique THEN 'UNIQUE' ELSE '' END, idx, tbl, col);
END $$;
"""


def install(conn: Connection, app_role: str) -> None:
    types = ", ".join(f"'{t}'" for t in ALLOWED_TYPES)
    for body, signature in ((ADD_COLUMN, "erp_add_column(text, text, text)"),
                            (ADD_INDEX, "erp_add_index(text, text, text, boolean)")):
        # straight to psycopg without parameters, so PL/pgSQL's own % stay as they are
        with conn.connection.dbapi_connection.cursor() as cursor:
            cursor.execute(body.replace("{types}", types))
        conn.execute(text(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC"))
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION {signature} TO {app_role}"))
