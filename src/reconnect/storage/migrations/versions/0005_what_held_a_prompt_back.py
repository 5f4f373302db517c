"""what held a prompt back

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 04:30:00.000000

A prompt that came due during a call, a calendar event, a full-screen window or do-not-disturb
waited unseen; ``prompts.deferred_because`` keeps what held it back, so figures about prompts
can leave out the breaks that never had a chance. Nullable: older prompts were shown at once
or are not known to have waited. Added in place on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("prompts", sa.Column("deferred_because", sa.String(length=120), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35 or newer): rebuilding tables would cascade-delete.
    op.drop_column("prompts", "deferred_because")
