"""The first schema: cases, nodes, relationships and the edit log.

Frozen: a migration states the schema as it was then, so it imports nothing from the live code.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String()
WHO = sa.String()
ORDINAL = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", WHO, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", WHO, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("team", WHO, nullable=False),
        sa.Column("info", sa.JSON(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
    )
    op.create_index("ix_cases_team", "cases", ["team"])

    op.create_table(
        "nodes",
        sa.Column("ordinal", ORDINAL, autoincrement=True, nullable=False),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("ordinal", name="pk_nodes"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_nodes_case_id_cases", ondelete="CASCADE"),
        sa.UniqueConstraint("case_id", "id", name="uq_nodes_case_id_id"),
    )
    op.create_index("ix_nodes_case_id_kind", "nodes", ["case_id", "kind"])

    op.create_table(
        "relationships",
        sa.Column("ordinal", ORDINAL, autoincrement=True, nullable=False),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("source_id", ID, nullable=False),
        sa.Column("target_id", ID, nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("ordinal", name="pk_relationships"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_relationships_case_id_cases",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id", "source_id"], ["nodes.case_id", "nodes.id"],
                                name="fk_relationships_case_id_source_id_nodes"),
        sa.ForeignKeyConstraint(["case_id", "target_id"], ["nodes.case_id", "nodes.id"],
                                name="fk_relationships_case_id_target_id_nodes"),
        sa.UniqueConstraint("case_id", "id", name="uq_relationships_case_id_id"),
    )
    op.create_index("ix_relationships_case_id_source_id", "relationships", ["case_id", "source_id"])
    op.create_index("ix_relationships_case_id_target_id", "relationships", ["case_id", "target_id"])

    op.create_table(
        "edit_log",
        sa.Column("case_id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", WHO, nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "seq", name="pk_edit_log"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_edit_log_case_id_cases", ondelete="CASCADE"),
    )


def downgrade() -> None:
    for table in ("edit_log", "relationships", "nodes", "cases"):
        op.drop_table(table)
