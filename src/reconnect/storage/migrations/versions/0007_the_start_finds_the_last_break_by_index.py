"""the start finds the last break by index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 18:00:00.000000

The tray reads the end of this computer's last break at every start (``storage.first_look``):
the latest ``sessions.ended_at`` of the computer, and its latest ``prompts.decided_at`` of each
fate that lets a break go. With an index on each, led by the computer (and the fate), SQLite
reads the last entry instead of every row the computer ever wrote, so the start does not slow
as the history grows. Indexes only: nothing is
rewritten, and PostgreSQL builds them in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sessions_computer_ended_at", "sessions", ["computer", "ended_at"])
    op.create_index(
        "ix_prompts_computer_fate_decided_at", "prompts", ["computer", "fate", "decided_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_prompts_computer_fate_decided_at", table_name="prompts")
    op.drop_index("ix_sessions_computer_ended_at", table_name="sessions")
