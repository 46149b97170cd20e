"""Durability: kill a writer with SIGKILL in the middle of a stream of edits; on reopening, every edit
it had acknowledged (apply returned, so the screen would have shown it) is there."""

from __future__ import annotations

import random
import signal
import subprocess
import sys

import pytest

from circles_desktop.graph.model import CaseInfo
from circles_desktop.store.library import Library

# Edit n adds person pn and, in the same edit, moves p(n-1): so both a new row and a changed row must
# survive, and the two halves of one edit must be there together or not at all.
_WRITER = """
import sys

import pytest
from circles_desktop.graph import edits as E
from circles_desktop.graph.model import Person
from circles_desktop.store.library import Library

library = Library.open(sys.argv[1], user="writer")
doc = library.open_case(sys.argv[2])
n = len(doc)
while True:
    edit = E.add_node(Person(id=f"p{n}", given_names=f"Person {n}"))
    if n:
        edit = E.combine(f"Edit {n}", [edit, E.move_nodes(doc, "genogram", {f"p{n - 1}": (n, -n)})])
    doc.apply(edit)
    print(n, flush=True)  # acknowledged: apply has returned
    n += 1
"""


def _kill_after(url: str, case_id: str, acknowledgements: int) -> list[int]:
    """Run a writer, SIGKILL it after it has acknowledged that many edits; every edit it acknowledged."""
    child = subprocess.Popen([sys.executable, "-c", _WRITER, url, case_id], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    acknowledged = []
    while len(acknowledged) < acknowledgements:
        line = child.stdout.readline()
        assert line, f"the writer stopped by itself (exit {child.poll()})"
        acknowledged.append(int(line))
    child.send_signal(signal.SIGKILL)
    acknowledged += [int(line) for line in child.stdout.read().split()]  # printed before it died
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return acknowledged


@pytest.mark.slow
def test_every_acknowledged_edit_survives_a_killed_writer(db_url: str) -> None:
    with Library.open(db_url) as library:
        case_id = library.create_case(CaseInfo("Kill test")).case_id
    assert case_id is not None
    rng = random.Random(20)
    for _ in range(3):
        acknowledged = _kill_after(db_url, case_id, rng.randint(5, 60))
        with Library.open(db_url) as library:  # opens clean after the crash
            doc = library.open_case(case_id)
            last = acknowledged[-1]
            assert {f"p{n}" for n in acknowledged} <= {node.id for node in doc.nodes()}
            # The last acknowledged edit is whole: its move of the previous person is there too.
            if last:
                assert doc.node(f"p{last - 1}").positions["genogram"] == (last, -last)
            # Nothing is there that no edit made: at most one committed edit was not yet acknowledged.
            assert len(doc) in (last + 1, last + 2)
