"""Where cases live: the SQLite library or a team's PostgreSQL server, and `.circles` case files.

The only package that talks SQL. Start at :class:`~.library.Library`; :mod:`.casefile` reads and
writes single-case files; :mod:`.schema` and ``migrations/`` define the tables.
"""
