"""Running the hand-written migration scripts in migrations/ with Alembic."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

SCRIPTS = Path(__file__).resolve().parents[2] / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return config


def upgrade(engine: Engine) -> None:
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "heads")


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] != "revision":
        raise SystemExit('usage: python -m core.db.alembic revision "message"')
    command.revision(_config(), message=argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
