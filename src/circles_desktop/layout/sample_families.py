"""Fictional families that exercise every genogram rule, and large random trees for benchmarks.

Tests check layout invariants on them, the benchmark times them, and a developer renders them to
look at the notation. Every person here is invented.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable

from ..graph.document import CaseDocument
from ..graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    Emotional,
    EmotionalType,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    PregnancyState,
    Role,
)

M, F, X, U = Gender.MALE, Gender.FEMALE, Gender.NON_BINARY, Gender.UNKNOWN


class FamilyBuilder:
    """A terse way to write a family down: people, couples, children, feelings, households."""

    def __init__(self, name: str) -> None:
        self.info = CaseInfo(name=name, reference=f"SAMPLE-{zlib.crc32(name.encode()) % 10000:04d}")
        self.nodes: list[AnyNode] = []
        self.rels: list[AnyRelationship] = []
        self._count = 0

    def _id(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count:05d}"

    def person(self, given: str, family: str = "", gender: Gender = U, born: str | None = None,
               died: str | None = None, **fields: object) -> Person:
        person = Person(
            id=self._id("p"), given_names=given, family_name=family, gender=gender,
            birth=PartialDate.parse(born) if born else None,
            deceased=died is not None or bool(fields.pop("deceased", False)),
            death=PartialDate.parse(died) if died else None,
            **fields,  # type: ignore[arg-type]
        )
        self.nodes.append(person)
        return person

    def couple(self, a: Person, b: Person, type: PartnershipType = PartnershipType.MARRIED,
               start: str | None = None, end: str | None = None) -> Partnership:
        rel = Partnership(a.id, b.id, id=self._id("r"), type=type,
                          start=PartialDate.parse(start) if start else None,
                          end=PartialDate.parse(end) if end else None)
        self.rels.append(rel)
        return rel

    def child(self, parents: tuple[Person, ...], child: Person,
              type: ParentageType = ParentageType.BIRTH) -> None:
        for parent in parents:
            self.rels.append(Parentage(parent.id, child.id, id=self._id("r"), type=type))

    def feeling(self, a: Person, b: Person, type: EmotionalType) -> Emotional:
        rel = Emotional(a.id, b.id, id=self._id("r"), type=type)
        self.rels.append(rel)
        return rel

    def household(self, name: str, *members: Person) -> Household:
        household = Household(id=self._id("h"), name=name, members=frozenset(m.id for m in members))
        self.nodes.append(household)
        return household

    def document(self) -> CaseDocument:
        doc = CaseDocument(self.info)
        doc.load(self.info, self.nodes, self.rels)
        return doc


def blended_family() -> CaseDocument:
    """Remarriage with half-siblings, a deceased grandfather, a cut-off and a conflict."""
    f = FamilyBuilder("Okafor-Bennett (blended family)")
    grandad = f.person("Samuel", "Okafor", M, "1948", "2016-03")
    nana = f.person("Grace", "Okafor", F, "1951-07-02")
    f.couple(grandad, nana, start="1972")
    dad = f.person("Daniel", "Okafor", M, "1975-04-11")
    aunt = f.person("Ruth", "Okafor", F, "1978")
    f.child((grandad, nana), dad)
    f.child((grandad, nana), aunt)
    mum = f.person("Claire", "Bennett", F, "1980-09-30")
    f.couple(dad, mum, PartnershipType.DIVORCED, "2003", "2012")
    emma = f.person("Emma", "Okafor", F, "2005-01-15", roles=frozenset({Role.CHILD}))
    jack = f.person("Jack", "Okafor", M, "2008-06-01")
    f.child((dad, mum), emma)
    f.child((dad, mum), jack)
    stepdad = f.person("Tom", "Hughes", M, "1979")
    f.couple(stepdad, mum, PartnershipType.MARRIED, "2015")
    mia = f.person("Mia", "Hughes", F, "2016-11-20")
    f.child((stepdad, mum), mia)
    partner = f.person("Leah", "Adeyemi", F, "1985")
    f.couple(dad, partner, PartnershipType.COHABITING, "2014")
    kofi = f.person("Kofi", "Okafor", M, "2017-02-14")
    f.child((dad, partner), kofi)
    f.feeling(emma, nana, EmotionalType.CLOSE)
    f.feeling(dad, mum, EmotionalType.HOSTILE)
    f.feeling(aunt, dad, EmotionalType.CUT_OFF)
    f.household("Hughes household", mum, stepdad, emma, jack, mia)
    f.household("Okafor household", dad, partner, kofi)
    return f.document()


def twins_and_losses() -> CaseDocument:
    """Identical and fraternal twins, a pregnancy, a miscarriage, a termination and a stillbirth."""
    f = FamilyBuilder("Kowalski (twins and losses)")
    dad = f.person("Łukasz", "Kowalski", M, "1983")
    mum = f.person("Zoë", "Kowalska", F, "1985")
    f.couple(dad, mum, start="2008")
    f.child((dad, mum), f.person("", "", U, "2009", pregnancy=PregnancyState.MISCARRIAGE))
    t1 = f.person("Adam", "Kowalski", M, "2011-05-03", twin_group="a", identical_twin=True)
    t2 = f.person("Piotr", "Kowalski", M, "2011-05-03", twin_group="a", identical_twin=True)
    f.child((dad, mum), t1)
    f.child((dad, mum), t2)
    f.child((dad, mum), f.person("Ola", "Kowalska", F, "2014", pregnancy=PregnancyState.STILLBIRTH, deceased=True))
    t3 = f.person("Ania", "Kowalska", F, "2016-08-21", twin_group="b", roles=frozenset({Role.CHILD}))
    t4 = f.person("Kuba", "Kowalski", M, "2016-08-21", twin_group="b")
    f.child((dad, mum), t3)
    f.child((dad, mum), t4)
    f.child((dad, mum), f.person("", "", U, "2019", pregnancy=PregnancyState.TERMINATION))
    f.child((dad, mum), f.person("", "", U, pregnancy=PregnancyState.PREGNANCY))
    f.feeling(mum, t3, EmotionalType.FOCUSED_ON)
    f.feeling(t1, t2, EmotionalType.FUSED)
    return f.document()


def care_family() -> CaseDocument:
    """Adoption, foster care, kinship care by a grandmother, a same-sex couple, and harm."""
    f = FamilyBuilder("Rahman (care and kinship)")
    nani = f.person("Ayesha", "Rahman", F, "1956", roles=frozenset({Role.KINSHIP_CARER}))
    nana = f.person("Farid", "Rahman", M, "1950", "2010")
    f.couple(nana, nani, PartnershipType.WIDOWED, "1975")
    mum = f.person("Nadia", "Rahman", F, "1990")
    uncle = f.person("Imran", "Rahman", M, "1987")
    f.child((nana, nani), uncle)
    f.child((nana, nani), mum)
    dad = f.person("Ryan", "Cole", M, "1988")
    f.couple(dad, mum, PartnershipType.SEPARATED, "2010", "2019")
    sami = f.person("Sami", "Rahman-Cole", M, "2012-03-09", roles=frozenset({Role.CHILD}))
    lina = f.person("Lina", "Rahman-Cole", F, "2015-10-30")
    f.child((dad, mum), sami)
    f.child((dad, mum), lina)
    f.child((nani,), sami, ParentageType.KINSHIP)
    foster_a = f.person("Jo", "Martin", F, "1970", roles=frozenset({Role.FOSTER_CARER}))
    foster_b = f.person("Sam", "Martin", X, "1972", roles=frozenset({Role.FOSTER_CARER}))
    f.couple(foster_a, foster_b, PartnershipType.CIVIL_PARTNERSHIP, "2006")
    f.child((foster_a, foster_b), lina, ParentageType.FOSTER)
    mums = (f.person("Priya", "Shah", F, "1986"), f.person("Hannah", "Shah", F, "1984"))
    f.couple(mums[0], mums[1], PartnershipType.MARRIED, "2014")
    f.child(mums, f.person("Arlo", "Shah", M, "2017"), ParentageType.ADOPTIVE)
    f.feeling(dad, mum, EmotionalType.PHYSICAL_ABUSE)
    f.feeling(dad, sami, EmotionalType.DISTANT)
    f.feeling(uncle, mum, EmotionalType.CLOSE)
    f.household("Kinship placement", nani, sami)
    f.household("Foster home", foster_a, foster_b, lina)
    return f.document()


SAMPLES: dict[str, Callable[[], CaseDocument]] = {
    "blended": blended_family,
    "twins": twins_and_losses,
    "care": care_family,
}


def random_tree(people: int, seed: int = 1) -> CaseDocument:
    """A plausible random family tree of about ``people`` people over several generations.

    Couples have 0-5 children; some remarry; some children are adopted or fostered; a few feelings.
    Built with ``CaseDocument.load`` so it takes no time to make.
    """
    rng = random.Random(seed)
    f = FamilyBuilder(f"Random tree of {people}")
    founders = [f.person(f"F{i}", "Founder", rng.choice((M, F)), str(1900 + rng.randrange(10)))
                for i in range(max(2, people // 60))]
    generation = founders
    year = 1900
    while len(f.nodes) < people:
        year += 27
        nxt: list[Person] = []
        rng.shuffle(generation)
        for person in generation:
            if len(f.nodes) >= people:
                break
            if rng.random() < 0.2:
                continue
            spouses = 2 if rng.random() < 0.15 else 1
            for s in range(spouses):
                partner_gender = F if person.gender is M else M
                partner = f.person(f"P{len(f.nodes)}", "Inlaw", partner_gender, str(year - 2 + rng.randrange(5)))
                f.couple(person, partner, PartnershipType.DIVORCED if s == 0 and spouses == 2 else
                         PartnershipType.MARRIED, str(year + 20 + 8 * s))
                for c in range(rng.randrange(0, 5)):
                    child = f.person(f"C{len(f.nodes)}", "Line", rng.choice((M, F)), str(year + 22 + 8 * s + 2 * c))
                    kind = ParentageType.ADOPTIVE if rng.random() < 0.04 else ParentageType.BIRTH
                    f.child((person, partner), child, kind)
                    nxt.append(child)
                    other = rng.choice(nxt)
                    if rng.random() < 0.05 and other is not child:
                        f.feeling(child, other, rng.choice(list(EmotionalType)))
        if not nxt:
            break
        generation = nxt
    return f.document()
