"""experiments

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 06:00:00.000000

Two practices compared over a planned number of breaks: the ``experiments`` table, and
``prompts.experiment_id`` marking each offer of one (nullable: the usual offers belong to none).
On SQLite the foreign key needs ``prompts`` rebuilt (batch mode): safe, since no table refers
to prompts, so nothing cascades; on PostgreSQL the column and key are added in place.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_prompts_experiment_id_experiments"


def upgrade() -> None:
    op.create_table(
        "experiments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("practice_a", sa.String(length=40), nullable=False),
        sa.Column("title_a", sa.String(length=120), nullable=False),
        sa.Column("practice_b", sa.String(length=40), nullable=False),
        sa.Column("title_b", sa.String(length=120), nullable=False),
        sa.Column("breaks", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_offset", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("ended_offset", sa.Integer(), nullable=True),
        sa.Column("stopped_early", sa.Boolean(), nullable=False),
        sa.CheckConstraint("breaks >= 1", name=op.f("ck_experiments_breaks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiments")),
    )
    op.create_index("ix_experiments_started_at", "experiments", ["started_at"], unique=False)
    with op.batch_alter_table("prompts") as batch:
        batch.add_column(sa.Column("experiment_id", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            FOREIGN_KEY, "experiments", ["experiment_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("prompts") as batch:
        batch.drop_constraint(FOREIGN_KEY, type_="foreignkey")
        batch.drop_column("experiment_id")
    op.drop_index("ix_experiments_started_at", table_name="experiments")
    op.drop_table("experiments")
