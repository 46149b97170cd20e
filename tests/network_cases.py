"""Synthetic cases for the ecomap and circles tests: small, crowded, lopsided and multilingual.

Import as ``from network_cases import zain_like, crowded, lopsided`` (tests/ is on the path). Every
case is built as one edit through the document, so it is valid by the model's own rules.
"""

from __future__ import annotations

from circles_desktop.graph.document import CaseDocument
from circles_desktop.graph.edits import Change, Edit
from circles_desktop.graph.model import (
    AnyNode,
    AnyRelationship,
    CaseInfo,
    CirclePlacement,
    EcomapTie,
    Flow,
    Gender,
    Household,
    Parentage,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
)


def build(name: str, nodes: list[AnyNode], rels: list[AnyRelationship]) -> CaseDocument:
    doc = CaseDocument(CaseInfo(name))
    doc.apply(Edit("Build", tuple(Change(None, x) for x in [*nodes, *rels])))
    return doc


def _at(ring: Ring, sector: Sector) -> CirclePlacement:
    return CirclePlacement(ring, sector)


def zain_like(household_centre: bool = False) -> CaseDocument:
    """A family like the Zains: two children, parents, aunt and partner, grandparents, professionals."""
    mum = Person(given_names="Amira", family_name="Zain", gender=Gender.FEMALE, birth=PartialDate(1982),
                 roles=frozenset({Role.PARENT}), circle=_at(Ring.CLOSEST, Sector.FAMILY))
    dad = Person(given_names="Tariq", family_name="Zain", gender=Gender.MALE, birth=PartialDate(1979),
                 roles=frozenset({Role.PARENT}), circle=_at(Ring.CLOSEST, Sector.FAMILY))
    nikita = Person(given_names="Nikita", family_name="Zain", gender=Gender.FEMALE, birth=PartialDate(2010, 4),
                    roles=frozenset({Role.CHILD}))
    julian = Person(given_names="Julian", family_name="Zain", gender=Gender.MALE, birth=PartialDate(2015, 2),
                    circle=_at(Ring.CLOSE, Sector.FAMILY))
    aunt = Person(given_names="Samira", family_name="Haddad", gender=Gender.FEMALE, birth=PartialDate(1985),
                  circle=_at(Ring.CLOSEST, Sector.FAMILY))
    aunt_partner = Person(given_names="Leon", family_name="Marsh", gender=Gender.MALE,
                          circle=_at(Ring.CLOSE, Sector.FAMILY))
    gran = Person(given_names="Farida", family_name="Zain", gender=Gender.FEMALE, birth=PartialDate(1950),
                  circle=_at(Ring.CLOSE, Sector.FAMILY))
    grandad = Person(given_names="Yusuf", family_name="Zain", gender=Gender.MALE, birth=PartialDate(1948),
                     circle=_at(Ring.WIDER, Sector.FAMILY))
    mgran = Person(given_names="Layla", family_name="Haddad", gender=Gender.FEMALE, birth=PartialDate(1958))
    mgrandad = Person(given_names="Omar", family_name="Haddad", gender=Gender.MALE, birth=PartialDate(1955),
                      deceased=True, death=PartialDate(2019))
    friend = Person(given_names="Chloe", family_name="Adebayo", gender=Gender.FEMALE, roles=frozenset({Role.FRIEND}),
                    circle=_at(Ring.CLOSE, Sector.COMMUNITY))
    worker = Person(given_names="Grace", family_name="Okafor", gender=Gender.FEMALE, occupation="social worker",
                    roles=frozenset({Role.PROFESSIONAL}), circle=_at(Ring.CLOSE, Sector.PROFESSIONAL))
    school = Service(name="Forest Gate Community School", category=ServiceCategory.EDUCATION,
                     circle=_at(Ring.CLOSE, Sector.PROFESSIONAL))
    gp = Service(name="Lathom Road GP", category=ServiceCategory.HEALTH, circle=_at(Ring.WIDER, Sector.PROFESSIONAL))
    yot = Service(name="Youth Justice Service", category=ServiceCategory.STATUTORY,
                  circle=_at(Ring.WIDER, Sector.PROFESSIONAL))
    mosque = Service(name="Green Street Mosque", category=ServiceCategory.FAITH, circle=_at(Ring.WIDER, Sector.COMMUNITY))
    boxing = Service(name="West Ham Boxing Club", category=ServiceCategory.LEISURE)
    home = Household(name="Zain household", members=frozenset({mum.id, dad.id, nikita.id, julian.id}))
    nodes: list[AnyNode] = [mum, dad, nikita, julian, aunt, aunt_partner, gran, grandad, mgran, mgrandad, friend,
                            worker, school, gp, yot, mosque, boxing, home]
    rels: list[AnyRelationship] = [
        Partnership(dad.id, mum.id, type=PartnershipType.MARRIED),
        Partnership(grandad.id, gran.id),
        Partnership(mgrandad.id, mgran.id),
        Partnership(aunt.id, aunt_partner.id, type=PartnershipType.COHABITING),
        *(Parentage(p.id, c.id) for p in (mum, dad) for c in (nikita, julian)),
        *(Parentage(p.id, dad.id) for p in (gran, grandad)),
        *(Parentage(p.id, c.id) for p in (mgran, mgrandad) for c in (mum, aunt)),
    ]
    source = home.id if household_centre else nikita.id
    ties = [
        (aunt, TieStrength.STRONG, False, Flow.BOTH, {SupportKind.EMOTIONAL, SupportKind.PRACTICAL}),
        (aunt_partner, TieStrength.MODERATE, False, Flow.NONE, set()),
        (gran, TieStrength.STRONG, False, Flow.FROM_TARGET, {SupportKind.CHILDCARE, SupportKind.CULTURAL}),
        (grandad, TieStrength.MODERATE, False, Flow.FROM_TARGET, set()),
        (mgran, TieStrength.TENUOUS, False, Flow.NONE, set()),
        (friend, TieStrength.MODERATE, True, Flow.BOTH, {SupportKind.EMOTIONAL}),
        (worker, TieStrength.MODERATE, False, Flow.FROM_TARGET, {SupportKind.ADVOCACY}),
        (school, TieStrength.TENUOUS, True, Flow.TO_TARGET, {SupportKind.PRACTICAL}),
        (gp, TieStrength.TENUOUS, False, Flow.NONE, set()),
        (yot, TieStrength.MODERATE, True, Flow.FROM_TARGET, {SupportKind.PRACTICAL}),
        (mosque, TieStrength.MODERATE, False, Flow.FROM_TARGET, {SupportKind.CULTURAL, SupportKind.EMOTIONAL}),
        (boxing, TieStrength.STRONG, False, Flow.FROM_TARGET, {SupportKind.EMOTIONAL}),
    ]
    if not household_centre:
        ties += [(mum, TieStrength.MODERATE, True, Flow.BOTH, {SupportKind.EMOTIONAL}),
                 (dad, TieStrength.MODERATE, False, Flow.FROM_TARGET, {SupportKind.PRACTICAL, SupportKind.FINANCIAL}),
                 (julian, TieStrength.TENUOUS, True, Flow.NONE, set())]
    rels += [EcomapTie(source, n.id, strength=s, stressful=st, flow=f, support=frozenset(k))
             for n, s, st, f, k in ties]
    return build("Zain family (synthetic)", nodes, rels)


_FIRST = ["Aisha", "Ben", "Chen Wei", "Dariusz", "Efua", "Fatima", "Gurpreet", "Hassan", "Ioana", "Jamal", "Kofi",
          "Lakshmi", "Mehmet", "Nadia", "Oluwaseun", "Priya", "Qasim", "Rosa", "Sandeep", "Tendai"]
_FAMILY = ["Begum", "Kowalski", "Mensah", "Rahman", "Popescu", "Singh", "O'Connor", "Nguyen", "Ahmed",
           "Wolstenholme-Fitzgerald"]
_SERVICES = [("Little Ilford School", ServiceCategory.EDUCATION), ("Newham CAMHS", ServiceCategory.MENTAL_HEALTH),
             ("St Mary's Church", ServiceCategory.FAITH), ("Stratford Library homework club", ServiceCategory.LEISURE),
             ("Families First Housing", ServiceCategory.HOUSING), ("Citizens Advice East", ServiceCategory.FINANCIAL),
             ("Newham Children's Social Care", ServiceCategory.STATUTORY),
             ("Fathers' parenting programme (Urdu group)", ServiceCategory.VOLUNTARY),
             ("Shpresa Programme", ServiceCategory.COMMUNITY), ("Legal aid solicitor", ServiceCategory.LEGAL)]


def crowded(n: int = 60, placed_every: int = 1, household_centre: bool = False) -> CaseDocument:
    """A child with ``n`` people and services around them, names long and short, every tie kind."""
    child = Person(given_names="Sayah", family_name="Rahman", gender=Gender.FEMALE, birth=PartialDate(2008),
                   roles=frozenset({Role.CHILD}))
    mum = Person(given_names="Rubina", family_name="Rahman", gender=Gender.FEMALE, roles=frozenset({Role.PARENT}))
    nodes: list[AnyNode] = [child, mum]
    rels: list[AnyRelationship] = [Parentage(mum.id, child.id)]
    rings, sectors = list(Ring), list(Sector)
    strengths, flows, kinds = list(TieStrength), list(Flow), list(SupportKind)
    for i in range(n - 1):
        placement = _at(rings[i % 3], sectors[(i // 3) % 3]) if i % placed_every == 0 else None
        if i % 4 == 3:
            name, category = _SERVICES[i % len(_SERVICES)]
            node: AnyNode = Service(name=f"{name} {i}" if i >= len(_SERVICES) * 4 else name, category=category,
                                    circle=placement)
        else:
            node = Person(given_names=_FIRST[i % len(_FIRST)], family_name=_FAMILY[i % len(_FAMILY)],
                          gender=(Gender.FEMALE, Gender.MALE, Gender.NON_BINARY, Gender.UNKNOWN)[i % 4],
                          roles=frozenset({Role.FRIEND}) if i % 5 == 0 else frozenset(), circle=placement)
        nodes.append(node)
        rels.append(EcomapTie(child.id, node.id, strength=strengths[i % 3], stressful=i % 4 == 1,
                              flow=flows[i % 4], support=frozenset(kinds[j] for j in range(i % 3))))
    rels.append(EcomapTie(child.id, mum.id, strength=TieStrength.STRONG))
    if household_centre:
        home = Household(name="Rahman household", members=frozenset({child.id, mum.id}))
        nodes.append(home)
    return build(f"Crowded ({n})", nodes, rels)


def lopsided() -> CaseDocument:
    """Only professionals and one aunt: the picture must show the gaps (no community, no closest ring)."""
    child = Person(given_names="Mia", gender=Gender.FEMALE, roles=frozenset({Role.CHILD}), approximate_age=9)
    aunt = Person(given_names="Joy", family_name="Bello", gender=Gender.FEMALE, circle=_at(Ring.WIDER, Sector.FAMILY))
    school = Service(name="Ranelagh Primary", category=ServiceCategory.EDUCATION,
                     circle=_at(Ring.CLOSE, Sector.PROFESSIONAL))
    worker = Person(given_names="Sam", family_name="Reid", occupation="family support worker",
                    roles=frozenset({Role.PROFESSIONAL}), circle=_at(Ring.WIDER, Sector.PROFESSIONAL))
    stranger = Person(given_names="Unplaced", family_name="Neighbour", roles=frozenset({Role.NEIGHBOUR}))
    rels: list[AnyRelationship] = [EcomapTie(child.id, x.id) for x in (aunt, school, worker)]
    return build("Lopsided", [child, aunt, school, worker, stranger], rels)


def scripts() -> CaseDocument:
    """Names in the scripts the borough speaks (Bengali, Arabic, Urdu, Tamil, Gujarati, Gurmukhi, Chinese)."""
    child = Person(given_names="অনিকা", family_name="রহমান", gender=Gender.FEMALE, roles=frozenset({Role.CHILD}))
    names = [("فاطمة", "الحسن"), ("عائشہ", "خان"), ("கவியா", "சுப்ரமணியம்"), ("ધ્રુવ", "પટેલ"), ("ਹਰਪ੍ਰੀਤ", "ਕੌਰ"),
             ("伟", "陈"), ("Zoë", "Łukasiewicz")]
    nodes: list[AnyNode] = [child]
    rels: list[AnyRelationship] = []
    for i, (given, family) in enumerate(names):
        person = Person(given_names=given, family_name=family, circle=_at(list(Ring)[i % 3], list(Sector)[i % 3]))
        nodes.append(person)
        rels.append(EcomapTie(child.id, person.id, strength=list(TieStrength)[i % 3]))
    return build("Scripts", nodes, rels)
