"""The team server: teams and their members, an append-only audit trail that outlives its case, undo
marked in it, and on PostgreSQL the rules the server itself enforces.

On every back end: ``memberships``; ``edit_log`` loses its foreign key to ``cases`` (deleting a case
keeps its audit trail) and gains ``team`` and ``undo``; triggers refuse to change or delete an audit
entry. On PostgreSQL also:

- row-level security: a role sees a case, its nodes and relationships only if it is a member of the
  case's team, and its audit entries also after the case is deleted (the table owner, who runs
  these migrations and manages teams, is not restricted);
- the server stamps who and when: ``current_user`` and ``now()`` (the start of the transaction on
  the server's clock) on every audit entry and every row written, whatever the client sends;
- every audit entry sends ``NOTIFY circles_<md5 of the case id>`` with its sequence number, so open
  copies of the case can follow it.

Frozen: a migration states the schema as it was then, so it imports nothing from the live code.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TRACKED = ("cases", "nodes", "relationships")
MY_TEAMS = "(SELECT m.team FROM memberships m WHERE m.role = current_user)"

REFUSAL = "the audit trail (edit_log) is append-only: entries cannot be changed or deleted"
SQLITE_APPEND_ONLY = [
    f"CREATE TRIGGER edit_log_append_only_{event.lower()} BEFORE {event} ON edit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for event in ("UPDATE", "DELETE")
]

PG_FUNCTIONS = [
    f"""CREATE FUNCTION circles_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
    END $$""",
    """CREATE FUNCTION circles_stamp_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.by := current_user;
        NEW.at := now();
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION circles_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.created_by := current_user;
            NEW.created_at := now();
        ELSE
            NEW.created_by := OLD.created_by;
            NEW.created_at := OLD.created_at;
        END IF;
        NEW.updated_by := current_user;
        NEW.updated_at := now();
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION circles_notify_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('circles_' || md5(NEW.case_id), NEW.seq::text);
        RETURN NULL;
    END $$""",
]

PG_TRIGGERS = [
    """CREATE TRIGGER edit_log_append_only BEFORE UPDATE OR DELETE ON edit_log
       FOR EACH ROW EXECUTE FUNCTION circles_refuse_audit_change()""",
    """CREATE TRIGGER edit_log_no_truncate BEFORE TRUNCATE ON edit_log
       FOR EACH STATEMENT EXECUTE FUNCTION circles_refuse_audit_change()""",
    """CREATE TRIGGER edit_log_stamp BEFORE INSERT ON edit_log
       FOR EACH ROW EXECUTE FUNCTION circles_stamp_entry()""",
    """CREATE TRIGGER edit_log_notify AFTER INSERT ON edit_log
       FOR EACH ROW EXECUTE FUNCTION circles_notify_entry()""",
    *(f"""CREATE TRIGGER {table}_stamp BEFORE INSERT OR UPDATE ON {table}
          FOR EACH ROW EXECUTE FUNCTION circles_stamp_row()""" for table in TRACKED),
]

PG_SECURITY = [
    *(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"
      for table in ("memberships", "cases", "nodes", "relationships", "edit_log")),
    "CREATE POLICY own_memberships ON memberships FOR SELECT USING (role = current_user)",
    f"CREATE POLICY team_cases ON cases USING (team IN {MY_TEAMS})",
    # The subquery on cases is itself filtered by the policy on cases.
    "CREATE POLICY team_nodes ON nodes USING (case_id IN (SELECT c.id FROM cases c))",
    "CREATE POLICY team_relationships ON relationships USING (case_id IN (SELECT c.id FROM cases c))",
    # Read and add only: with no policy for UPDATE or DELETE, row-level security refuses both too.
    f"""CREATE POLICY team_edit_log_read ON edit_log FOR SELECT
        USING (case_id IN (SELECT c.id FROM cases c) OR team IN {MY_TEAMS})""",
    f"""CREATE POLICY team_edit_log_add ON edit_log FOR INSERT
        WITH CHECK (case_id IN (SELECT c.id FROM cases c) OR team IN {MY_TEAMS})""",
]


def upgrade() -> None:
    op.create_table(
        "memberships",
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("team", "role", name="pk_memberships"),
    )
    op.create_index("ix_memberships_role", "memberships", ["role"])
    with op.batch_alter_table("edit_log") as batch:
        batch.drop_constraint("fk_edit_log_case_id_cases", type_="foreignkey")
        batch.add_column(sa.Column("team", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("undo", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.create_index("ix_edit_log_by", ["by"])
    op.execute("UPDATE edit_log SET team = COALESCE((SELECT cases.team FROM cases WHERE cases.id = edit_log.case_id), '')")
    if op.get_context().dialect.name == "postgresql":
        for statement in PG_FUNCTIONS + PG_TRIGGERS + PG_SECURITY:
            op.execute(statement)
    else:
        for statement in SQLITE_APPEND_ONLY:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for policy, table in (("own_memberships", "memberships"), ("team_cases", "cases"), ("team_nodes", "nodes"),
                              ("team_relationships", "relationships"), ("team_edit_log_read", "edit_log"),
                              ("team_edit_log_add", "edit_log")):
            op.execute(f"DROP POLICY {policy} ON {table}")
        for table in ("cases", "nodes", "relationships", "edit_log"):
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for trigger, table in (("edit_log_append_only", "edit_log"), ("edit_log_no_truncate", "edit_log"),
                               ("edit_log_stamp", "edit_log"), ("edit_log_notify", "edit_log"),
                               *((f"{t}_stamp", t) for t in TRACKED)):
            op.execute(f"DROP TRIGGER {trigger} ON {table}")
        for function in ("circles_refuse_audit_change", "circles_stamp_entry", "circles_stamp_row",
                         "circles_notify_entry"):
            op.execute(f"DROP FUNCTION {function}()")
    else:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER edit_log_append_only_{event}")
    with op.batch_alter_table("edit_log") as batch:
        batch.drop_index("ix_edit_log_by")
        batch.drop_column("undo")
        batch.drop_column("team")
        batch.create_foreign_key("fk_edit_log_case_id_cases", "cases", ["case_id"], ["id"], ondelete="CASCADE")
    op.drop_index("ix_memberships_role", table_name="memberships")
    op.drop_table("memberships")
