"""Four fictional demo cases, rich enough to show every feature of Circles.

Three follow the example families of PRACTICE.md (the Zain family, Sayah, a father on a parenting
programme); the fourth is a large blended family over four generations for the genogram. Everyone
and everything in them is invented: the borough of Eastbridge, its schools and services, the people,
the phone numbers (Ofcom's drama ranges) and the e-mail addresses (the reserved ``.example`` domain).

Each case is built the way a practitioner builds one, edit by edit through the document, so it passes
the same validation as anything typed into the editor. Ids are derived from a fixed namespace and a
readable slug (``uuid5``), so every call gives the same ids: ``circles demo`` can recognise cases it
has already added, and tests can find a person by slug with :func:`demo_id`.

House conventions the cases keep, for the views and reports to rely on:

- the allocated social worker (and any other named professional) is a :class:`Person` with
  :attr:`Role.PROFESSIONAL`, placed in the professional sector; organisations are :class:`Service` s;
- ecomap ties run from the child at the centre (or, for a sibling group, from each child or the
  household) to people and services;
- everyone and everything around the child has a circle placement; the dead and the unborn do not.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from .graph.document import CaseDocument
from .graph.edits import add_node, add_relationship, add_to_household
from .graph.model import (
    CaseInfo,
    CirclePlacement,
    Contact,
    EcomapTie,
    Emotional,
    EmotionalType,
    Flow,
    Gender,
    Household,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    PartnershipType,
    Person,
    PregnancyState,
    Ring,
    Role,
    Sector,
    Service,
    ServiceCategory,
    SupportKind,
    TieStrength,
)

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://circles.invalid/demo-cases")

ZAIN = "Zain family"
SAYAH = "Sayah"
PARENTING = "Father on a parenting programme"
BLENDED = "Nowak and Hossain blended family"

F, M = Gender.FEMALE, Gender.MALE
CLOSEST_FAMILY = CirclePlacement(Ring.CLOSEST, Sector.FAMILY)
CLOSE_FAMILY = CirclePlacement(Ring.CLOSE, Sector.FAMILY)
WIDER_FAMILY = CirclePlacement(Ring.WIDER, Sector.FAMILY)
CLOSEST_COMMUNITY = CirclePlacement(Ring.CLOSEST, Sector.COMMUNITY)
CLOSE_COMMUNITY = CirclePlacement(Ring.CLOSE, Sector.COMMUNITY)
WIDER_COMMUNITY = CirclePlacement(Ring.WIDER, Sector.COMMUNITY)
CLOSE_PROFESSIONAL = CirclePlacement(Ring.CLOSE, Sector.PROFESSIONAL)
WIDER_PROFESSIONAL = CirclePlacement(Ring.WIDER, Sector.PROFESSIONAL)

STRONG, MODERATE, TENUOUS = TieStrength.STRONG, TieStrength.MODERATE, TieStrength.TENUOUS
BIRTH = ParentageType.BIRTH


def demo_id(slug: str) -> str:
    """The stable id of a demo case (``"zain"``) or of something in one (``"zain/nikita"``)."""
    return uuid.uuid5(NAMESPACE, slug).hex


def demo_cases() -> list[CaseDocument]:
    """The four demo cases, new and detached (no sink) on every call, with the same ids every time.

    The Zain family comes with its network meeting and plan, so every feature has something to show.
    """
    from .demo_meetings import add_demo_meetings  # builds on this module's ids, so imported late

    cases = [_zain_family(), _sayah(), _parenting_programme(), _blended_family()]
    for doc in cases:
        meeting = add_demo_meetings(doc)
        if meeting is not None:
            doc.apply(meeting)
    return cases


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


class _CaseBuilder:
    """Builds one demo case edit by edit; everything is named by a slug that becomes a stable id."""

    def __init__(self, slug: str, info: CaseInfo) -> None:
        self._slug = slug
        self.doc = CaseDocument(info, case_id=demo_id(slug))

    def id(self, slug: str) -> str:
        return demo_id(f"{self._slug}/{slug}")

    def person(self, slug: str, given: str, family: str, gender: Gender, born: str | None, *,
               at: CirclePlacement | None = None, died: str | None = None, roles: Iterable[Role] = (),
               strengths: Iterable[str] = (), worries: Iterable[str] = (),
               confidential_fields: Iterable[str] = (), **fields: Any) -> None:
        person = Person(id=self.id(slug), given_names=given, family_name=family, gender=gender,
                        birth=_date(born), deceased=died is not None, death=_date(died), circle=at,
                        roles=frozenset(roles), strengths=tuple(strengths), worries=tuple(worries),
                        confidential_fields=frozenset(confidential_fields), **fields)
        self.doc.apply(add_node(person, f"Add {person.label}"))

    def service(self, slug: str, name: str, category: ServiceCategory, *, at: CirclePlacement,
                confidential_fields: Iterable[str] = (), **fields: Any) -> None:
        service = Service(id=self.id(slug), name=name, category=category, circle=at,
                          confidential_fields=frozenset(confidential_fields), **fields)
        self.doc.apply(add_node(service, f"Add {name}"))

    def household(self, slug: str, name: str, members: Iterable[str], address: str = "",
                  confidential_fields: Iterable[str] = ()) -> None:
        household = Household(id=self.id(slug), name=name, address=address,
                              confidential_fields=frozenset(confidential_fields))
        self.doc.apply(add_node(household, f"Add {name}"))
        self.doc.apply(add_to_household(self.doc, household.id, [self.id(m) for m in members]))

    def couple(self, a: str, b: str, type: PartnershipType, start: str | None = None, end: str | None = None,
               notes: str = "") -> None:
        self._relate(Partnership(self.id(a), self.id(b), id=self.id(f"partnership/{a}/{b}"), type=type,
                                 start=_date(start), end=_date(end), notes=notes))

    def parent(self, parent: str, child: str, type: ParentageType = BIRTH, responsibility: bool = True,
               start: str | None = None, end: str | None = None, notes: str = "") -> None:
        self._relate(Parentage(self.id(parent), self.id(child), id=self.id(f"parentage/{parent}/{child}"),
                               type=type, parental_responsibility=responsibility, start=_date(start),
                               end=_date(end), notes=notes))

    def children(self, parents: tuple[str, ...], *kids: str, responsibility: bool = True) -> None:
        """Birth children of one parent or a couple."""
        for kid in kids:
            for parent in parents:
                self.parent(parent, kid, responsibility=responsibility)

    def feel(self, a: str, b: str, type: EmotionalType, notes: str = "") -> None:
        self._relate(Emotional(self.id(a), self.id(b), id=self.id(f"emotional/{a}/{b}/{type.value}"),
                               type=type, notes=notes))

    def tie(self, source: str, target: str, strength: TieStrength, *, stressful: bool = False,
            flow: Flow = Flow.BOTH, often: str = "", support: Iterable[SupportKind] = (),
            start: str | None = None, end: str | None = None, notes: str = "") -> None:
        self._relate(EcomapTie(self.id(source), self.id(target), id=self.id(f"ecomap/{source}/{target}"),
                               strength=strength, stressful=stressful, flow=flow, frequency=often,
                               support=frozenset(support), start=_date(start), end=_date(end), notes=notes))

    def _relate(self, rel: Partnership | Parentage | Emotional | EcomapTie) -> None:
        self.doc.apply(add_relationship(rel))


S = SupportKind
PRACTICAL, EMOTIONAL, CHILDCARE, RESPITE = S.PRACTICAL, S.EMOTIONAL, S.CHILDCARE, S.RESPITE
TRANSPORT, FINANCIAL, CULTURAL, ADVOCACY = S.TRANSPORT, S.FINANCIAL, S.CULTURAL, S.ADVOCACY
C = ServiceCategory


# ----- the Zain family ------------------------------------------------------------------------------


def _zain_family() -> CaseDocument:
    case = _CaseBuilder("zain", CaseInfo(
        ZAIN, reference="CIN-2026-0412", author="Grace Adeyemi",
        team="Eastbridge Children's Services, Family Help Team 2",
        summary="Nikita (16) was found with a knife in her bag at school in September 2026. She had been "
                "staying out late and was angry with her brother at home. Both parents asked for help on "
                "the first call and agreed to bring in the wider family: Nikita's aunt Sonia and her "
                "partner Leah, and her paternal grandparents. A family meeting is planned for December; "
                "Nikita and Julian want to lead part of it. Child in Need plan: the family's own support "
                "plan plus help from professionals to keep Nikita safe."))
    case.person(
        "nikita", "Nikita", "Zain", F, "2010-03-14", roles=[Role.CHILD], first_language="English",
        contact=Contact(phone="07700 900412"), confidential_fields=["contact.phone"],
        identity={"religion": "Brought up Catholic (Mum) and Muslim (Dad's family); says she is 'working it out'",
                  "culture": "Lebanese and Goan heritage, born and raised in Eastbridge",
                  "education": "Year 12, Thornhill Academy sixth form (health and social care, drama)"},
        strengths=["Told the truth about the knife straight away and has kept every appointment since",
                   "Loyal to her friends and protective of her Teta (grandmother)",
                   "Good at drama: merit in her LAMDA exam this summer",
                   "Wants to be a paramedic like her aunt Sonia"],
        worries=["Found with a kitchen knife in her bag at school (September 2026); says it was for "
                 "protection on the walk home from the bus stop",
                 "Out until after midnight two or three times a week; her parents do not always know where",
                 "Angry outbursts at home, mostly at Julian; a bedroom door was broken in August"],
        wishes="I'm not a bad person. I carried it because I was scared walking back from the 104 bus. "
               "I want Mum and Dad to trust me again, and I want to be a paramedic, not someone with a record.",
        notes="Asked that her mobile number is not shared with the wider family.")
    case.person(
        "julian", "Julian", "Zain", M, "2015-06-02", at=CLOSEST_FAMILY, first_language="English",
        strengths=["Kind and funny; the family's peacemaker", "Plays for Lea Valley Juniors (under-12s)"],
        worries=["Hides in his room when Nikita shouts; says he is scared of her when she is angry",
                 "Has started wetting the bed again since the summer"],
        wishes="I want Nikita to be home for tea and play FIFA with me like before.")
    case.person(
        "karim", "Karim", "Zain", M, "1978-11-20", at=CLOSEST_FAMILY, roles=[Role.PARENT],
        first_language="English", occupation="Bus driver (night shifts)",
        identity={"religion": "Muslim", "culture": "British Lebanese"},
        strengths=["Drives Nikita to college when his shifts allow", "Calm and patient with Julian"],
        worries=["Works nights, so is often asleep when Nikita goes out",
                 "Says he 'doesn't know how to talk to her any more'"])
    case.person(
        "maria", "Maria", "Zain", F, "1981-04-09", at=CLOSEST_FAMILY, roles=[Role.PARENT],
        first_language="English", occupation="Healthcare assistant, Eastbridge Hospital",
        identity={"religion": "Catholic", "culture": "Goan heritage; came to London aged 6"},
        strengths=["Asked for help on the first call and brought the wider family in",
                   "Knows every one of Nikita's friends' parents"],
        worries=["Exhausted; says she is 'always the one shouting'",
                 "Worry is all on Nikita; Julian gets less of her attention"])
    case.person(
        "yusuf", "Yusuf", "Zain", M, "1950-02", at=CLOSE_FAMILY, first_language="Arabic",
        occupation="Retired; ran a grocery shop on Green Street for thirty years",
        strengths=["Nikita listens to him", "Sunday lunch for the whole family every week"],
        worries=["Thinks Nikita needs 'more discipline'; can be harsh with her"])
    case.person(
        "samira", "Samira", "Zain", F, "~1953", at=CLOSE_FAMILY, known_as="Teta",
        first_language="Arabic (Lebanese)", interpreter_needed=True,
        strengths=["Nikita's favourite person: 'Teta never judges me'",
                   "At home all day, ten minutes' walk from the family; could be Nikita's safe place "
                   "after college"],
        worries=["Diabetes; walks with a stick since a fall in 2025"])
    case.person(
        "francis", "Francis", "D'Souza", M, "1951", died="2019-01")
    case.person(
        "lourdes", "Lourdes", "D'Souza", F, "1955-08-15", at=WIDER_FAMILY, first_language="Konkani",
        contact=Contact(address="Margão, Goa, India"),
        strengths=["Video-calls the children every Sunday; Nikita tells her things she tells nobody else"])
    case.person(
        "sonia", "Sonia", "D'Souza", F, "1984-12-02", at=CLOSE_FAMILY, first_language="English",
        occupation="Paramedic",
        strengths=["Has offered Nikita a day shadowing at the ambulance station",
                   "Drives and works shifts; can collect Nikita late at night, no questions asked"])
    case.person(
        "leah", "Leah", "Okafor", F, "1986-05-30", at=CLOSE_FAMILY, first_language="English",
        occupation="Youth worker (in another borough)",
        strengths=["Knows what youth provision there is locally", "Nikita trusts her; 'she gets it'"])
    case.person(
        "kayla", "Kayla", "Morris", F, "2010-09-01", at=CLOSEST_COMMUNITY, roles=[Role.FRIEND],
        strengths=["Nikita's best friend since Year 7; walks home with her when their timetables match"])
    case.person(
        "mrs-patel", "Hemlata", "Patel", F, "~1960", at=WIDER_COMMUNITY, roles=[Role.NEIGHBOUR],
        first_language="Gujarati",
        strengths=["Has known the children since they were babies; Julian goes to her after school on Tuesdays"])
    case.person(
        "grace", "Grace", "Adeyemi", F, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
        occupation="Social worker (allocated), Eastbridge Children's Services",
        contact=Contact(phone="020 7946 0412", email="grace.adeyemi@eastbridge.example"))

    case.service("thornhill", "Thornhill Academy", C.EDUCATION, at=CLOSE_PROFESSIONAL,
                 contact_person="Daniel Hughes, Head of Sixth Form and designated safeguarding lead",
                 contact=Contact(phone="020 7946 0100"),
                 notes="Referred the family after finding the knife; five-day suspension, then a reintegration plan.")
    case.service("cranbrook", "Cranbrook Park School", C.EDUCATION, at=WIDER_PROFESSIONAL,
                 contact_person="Year 7 pastoral lead")
    case.service("gp", "Greenway Medical Practice", C.HEALTH, at=WIDER_PROFESSIONAL,
                 contact=Contact(phone="020 7946 0230"))
    case.service("camhs", "Eastbridge CAMHS", C.MENTAL_HEALTH, at=WIDER_PROFESSIONAL,
                 notes="Nikita referred for assessment of anger and anxiety; on the waiting list (18 weeks).")
    case.service("youth-zone", "Eastbridge Youth Zone (youth service)", C.COMMUNITY, at=CLOSE_COMMUNITY,
                 notes="Detached youth workers around the bus station; Thursday girls' group.")
    case.service("yjs", "Eastbridge Youth Justice Service", C.STATUTORY, at=CLOSE_PROFESSIONAL,
                 notes="Out-of-court disposal after the knife: six weapons-awareness sessions.")
    case.service("church", "St Antony's Catholic Church", C.FAITH, at=WIDER_COMMUNITY,
                 notes="Maria's parish; Nikita stopped going at 14 but likes the youth choir leader.")
    case.service("football", "Lea Valley Juniors FC", C.LEISURE, at=CLOSE_COMMUNITY)
    case.service("theatre", "Eastbridge Youth Theatre", C.LEISURE, at=CLOSE_COMMUNITY,
                 notes="Saturday mornings; the director has offered Nikita a part in the spring show.")

    case.household("zain-home", "The Zain home", ["karim", "maria", "nikita", "julian"],
                   "14 Cedar Road, Eastbridge EB3 4QT")
    case.household("grandparents", "Yusuf and Samira's home", ["yusuf", "samira"], "2 Mill Lane, Eastbridge")
    case.household("sonia-home", "Sonia and Leah's flat", ["sonia", "leah"])

    case.couple("yusuf", "samira", PartnershipType.MARRIED, "1974")
    case.couple("francis", "lourdes", PartnershipType.WIDOWED, "1978", "2019-01")
    case.couple("karim", "maria", PartnershipType.MARRIED, "2008-07-12")
    case.couple("sonia", "leah", PartnershipType.COHABITING, "2019")
    case.children(("yusuf", "samira"), "karim")
    case.children(("francis", "lourdes"), "maria", "sonia")
    case.children(("karim", "maria"), "nikita", "julian")

    case.feel("nikita", "julian", EmotionalType.CONFLICTUAL, "Shouting most evenings; Julian keeps out of her way.")
    case.feel("nikita", "samira", EmotionalType.CLOSE)
    case.feel("nikita", "sonia", EmotionalType.CLOSE)
    case.feel("maria", "nikita", EmotionalType.FOCUSED_ON)
    case.feel("karim", "nikita", EmotionalType.DISTANT, "Since the summer they barely speak.")
    case.feel("karim", "julian", EmotionalType.CLOSE)
    case.feel("maria", "sonia", EmotionalType.CLOSE)
    case.feel("yusuf", "nikita", EmotionalType.CONFLICTUAL)

    case.tie("nikita", "thornhill", MODERATE, stressful=True, often="daily",
             notes="Back after the suspension; mentoring with the Head of Sixth Form.")
    case.tie("nikita", "camhs", TENUOUS, flow=Flow.TO_TARGET, often="waiting list")
    case.tie("nikita", "youth-zone", MODERATE, flow=Flow.FROM_TARGET, often="weekly", support=[EMOTIONAL])
    case.tie("nikita", "yjs", MODERATE, stressful=True, flow=Flow.FROM_TARGET, often="weekly until January")
    case.tie("nikita", "church", TENUOUS, often="Christmas and Easter")
    case.tie("nikita", "theatre", STRONG, flow=Flow.FROM_TARGET, often="Saturdays", support=[EMOTIONAL])
    case.tie("nikita", "gp", TENUOUS, often="rarely")
    case.tie("nikita", "grace", MODERATE, often="fortnightly visits")
    case.tie("nikita", "samira", STRONG, flow=Flow.FROM_TARGET, often="several times a week",
             support=[EMOTIONAL, CULTURAL])
    case.tie("nikita", "sonia", STRONG, flow=Flow.FROM_TARGET, often="weekly", support=[EMOTIONAL, TRANSPORT])
    case.tie("nikita", "leah", MODERATE, often="weekly", support=[ADVOCACY])
    case.tie("nikita", "kayla", STRONG, often="daily", support=[EMOTIONAL])
    case.tie("nikita", "lourdes", MODERATE, often="Sunday video calls", support=[EMOTIONAL])
    case.tie("julian", "football", STRONG, flow=Flow.FROM_TARGET, often="twice a week")
    case.tie("julian", "cranbrook", MODERATE, often="daily")
    case.tie("julian", "mrs-patel", MODERATE, flow=Flow.FROM_TARGET, often="Tuesdays after school",
             support=[CHILDCARE])
    case.tie("zain-home", "gp", MODERATE, often="as needed")
    return case.doc


# ----- Sayah ----------------------------------------------------------------------------------------


def _sayah() -> CaseDocument:
    case = _CaseBuilder("sayah", CaseInfo(
        SAYAH, reference="LC-2021-0877", author="Daniel Osei", team="Eastbridge Leaving Care Service",
        summary="Sayah is 18. From 13 to 16 she lived at Oakfield House, a residential home she chose herself, "
                "because the adults around her feared she was being exploited by men in the neighbourhood. "
                "Her mother Farida asked the council for help and visited every week. Farida is estranged "
                "from her own family in Birmingham; her sister Naima could not take Sayah (three children in "
                "a two-bedroom flat); Farida's friends had struggles of their own. Sayah kept up her "
                "education, had counselling, made friends, moved home at 16 and now has three A levels. "
                "She hopes to go to university in 2027. Pathway plan review: December 2026."))
    case.person(
        "sayah", "Sayah", "Alaoui", F, "2008-05-21", roles=[Role.CHILD],
        first_language="English and Arabic (Darija)",
        contact=Contact(address="Flat 9, Heron House, Eastbridge EB5 1DW", phone="07700 900877"),
        confidential_fields=["contact.address", "contact.phone", "notes"],
        notes="Two messages in 2026 from accounts linked to the people who exploited her; both reported to "
              "the police and blocked.",
        identity={"religion": "Muslim", "culture": "British Moroccan",
                  "education": "A levels: Psychology (B), Sociology (B), English Literature (C)",
                  "employment": "Part-time at a pharmacy while she applies to university"},
        strengths=["Chose Oakfield House herself, and made it work",
                   "Three A levels, despite everything", "Rebuilt her relationship with her mum",
                   "Peer mentor at the youth zone's young women's group"],
        worries=["Still anxious in crowds and on the bus route past her old estate",
                 "Money: no savings, and worried about the cost of university",
                 "Contact from people linked to the past exploitation through social media"],
        wishes="I want to go to uni and study psychology, maybe in Leeds, somewhere new. I want Mum at my "
               "graduation. And I want a plan for if I ever feel unsafe, so I don't have to start again.")
    case.person(
        "farida", "Farida", "Mansour", F, "1982-10-03", at=CLOSEST_FAMILY, roles=[Role.PARENT],
        first_language="Arabic (Darija)", interpreter_needed=True, occupation="Cleaner (early shifts)",
        notes="Good everyday English; prefers an Arabic interpreter for meetings and anything in writing.",
        strengths=["Asked for help herself when she was frightened for Sayah",
                   "Visited Oakfield House every week for three years: two buses each way"],
        worries=["Isolated: estranged from her family, and her friends have struggles of their own",
                 "Money is tight; she works long shifts"])
    case.person(
        "mehdi", "Mehdi", "Alaoui", M, "1979", at=WIDER_FAMILY, first_language="Arabic (Darija)",
        contact=Contact(address="Casablanca, Morocco"),
        notes="Left when Sayah was three; no contact since 2012. Sayah says she might write to him one day.")
    case.person(
        "omar", "Omar", "Belkacem", M, "~1985", at=WIDER_COMMUNITY, must_not_invite=True,
        must_not_be_told=True,
        safety_reason="Police believe he introduced Sayah to the adults who exploited her (2021). Sayah does "
                      "not want him at any meeting. He must not be told her address, workplace or plans.",
        notes="Farida's partner 2019–2021; Farida ended it when she learned of the police concerns.")
    case.person(
        "khadija", "Khadija", "Mansour", F, "1958", at=WIDER_FAMILY, first_language="Arabic (Darija)",
        interpreter_needed=True, contact=Contact(address="Birmingham"),
        worries=["Cut off from Farida since 2006, when Farida married against the family's wishes"])
    case.person(
        "naima", "Naima", "Mansour", F, "1985-02-11", at=WIDER_FAMILY, first_language="Arabic (Darija)",
        contact=Contact(address="Birmingham"),
        strengths=["Phones Sayah on her birthday and at Eid; offered to host her for a university open day"],
        worries=["Three children in a two-bedroom flat; could not take Sayah in 2021"])
    case.person("hassan", "Hassan", "Ziani", M, "1980", at=WIDER_FAMILY)
    case.person("yasmin", "Yasmin", "Ziani", F, "2010", at=WIDER_FAMILY)
    case.person("adam", "Adam", "Ziani", M, "2013", at=WIDER_FAMILY)
    case.person("rayan", "Rayan", "Ziani", M, "2018", at=WIDER_FAMILY)
    case.person(
        "fatima", "Fatima", "Benali", F, "~1980", at=WIDER_COMMUNITY, roles=[Role.FRIEND],
        first_language="Arabic", strengths=["Farida's oldest friend; they go to the women's circle together"],
        worries=["Full-time carer for her disabled son; little time to spare"])
    case.person(
        "joanne", "Joanne", "Reid", F, "~1979", at=WIDER_COMMUNITY, roles=[Role.FRIEND, Role.NEIGHBOUR],
        strengths=["Lives upstairs; keeps a spare key"], worries=["Her own mental health is up and down"])
    case.person(
        "chloe", "Chloe", "Baptiste", F, "2007-11-30", at=CLOSEST_COMMUNITY, roles=[Role.FRIEND],
        strengths=["Lived at Oakfield House with Sayah; 'like a sister'"])
    case.person(
        "amani", "Amani", "Yusuf", F, "2008-01-19", at=CLOSE_COMMUNITY, roles=[Role.FRIEND],
        first_language="Somali", strengths=["College friend; they are applying to universities together"])
    case.person(
        "michelle", "Michelle", "Grant", F, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
        occupation="Key worker, Oakfield House",
        notes="Still sends a birthday card every year; Sayah wants her at the pathway plan review.")
    case.person(
        "daniel", "Daniel", "Osei", M, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
        occupation="Personal adviser, Eastbridge Leaving Care Service",
        contact=Contact(phone="020 7946 0877", email="daniel.osei@eastbridge.example"))
    case.person(
        "hannah", "Hannah", "Clarke", F, None, at=WIDER_PROFESSIONAL, roles=[Role.PROFESSIONAL],
        occupation="Social worker (allocated 2021–2026), Eastbridge Children's Services")

    case.service("oakfield", "Oakfield House (residential children's home)", C.STATUTORY, at=WIDER_PROFESSIONAL)
    case.service("college", "Eastbridge Sixth Form College", C.EDUCATION, at=WIDER_PROFESSIONAL)
    case.service("virtual-school", "Eastbridge Virtual School (post-16 adviser)", C.EDUCATION,
                 at=CLOSE_PROFESSIONAL, notes="Helping with UCAS and the care leavers' bursary.")
    case.service("gp", "Riverside Health Centre", C.HEALTH, at=WIDER_PROFESSIONAL,
                 confidential_fields=["contact.address"], contact=Contact(address="Riverside Walk, Eastbridge EB5"))
    case.service("camhs", "Eastbridge CAMHS", C.MENTAL_HEALTH, at=WIDER_PROFESSIONAL,
                 notes="Counselling 2022–2025; moved to adult Talking Therapies at 17½.")
    case.service("talking-therapies", "Eastbridge Talking Therapies (NHS)", C.MENTAL_HEALTH, at=CLOSE_PROFESSIONAL)
    case.service("safe-futures", "Safe Futures (exploitation support charity)", C.VOLUNTARY,
                 at=CLOSE_PROFESSIONAL)
    case.service("youth-zone", "Eastbridge Youth Zone (youth service)", C.COMMUNITY, at=CLOSE_COMMUNITY)
    case.service("mosque", "Eastbridge Central Mosque (women's circle)", C.FAITH, at=WIDER_COMMUNITY)
    case.service("netball", "Eastbridge Netball Club", C.LEISURE, at=CLOSE_COMMUNITY)
    case.service("leaving-care", "Eastbridge Leaving Care Service", C.STATUTORY, at=CLOSE_PROFESSIONAL)

    case.household("home", "Farida and Sayah's flat", ["farida", "sayah"],
                   "Flat 9, Heron House, Eastbridge EB5 1DW", confidential_fields=["address"])
    case.household("naima-home", "Naima's family (Birmingham)", ["naima", "hassan", "yasmin", "adam", "rayan"],
                   "Birmingham")

    case.couple("mehdi", "farida", PartnershipType.DIVORCED, "2006-09", "2012")
    case.couple("farida", "omar", PartnershipType.SEPARATED, "2019", "2021-06", "Farida ended it.")
    case.couple("hassan", "naima", PartnershipType.MARRIED, "2008")
    case.children(("mehdi", "farida"), "sayah")
    case.children(("khadija",), "farida", "naima")
    case.children(("hassan", "naima"), "yasmin", "adam", "rayan")

    case.feel("sayah", "farida", EmotionalType.CUT_OFF_REPAIRED,
              "Hardly spoke in 2021; rebuilt through Farida's weekly visits.")
    case.feel("farida", "khadija", EmotionalType.CUT_OFF)
    case.feel("farida", "naima", EmotionalType.DISTANT)
    case.feel("sayah", "chloe", EmotionalType.CLOSE)
    case.feel("sayah", "omar", EmotionalType.HOSTILE)
    case.feel("farida", "omar", EmotionalType.CUT_OFF)
    case.feel("sayah", "michelle", EmotionalType.CLOSE)

    case.tie("sayah", "farida", STRONG, often="daily", support=[EMOTIONAL, PRACTICAL])
    case.tie("sayah", "chloe", STRONG, often="weekly", support=[EMOTIONAL])
    case.tie("sayah", "amani", STRONG, often="most days", support=[EMOTIONAL])
    case.tie("sayah", "naima", TENUOUS, often="birthdays and Eid")
    case.tie("sayah", "michelle", MODERATE, flow=Flow.FROM_TARGET, often="a few times a year",
             support=[EMOTIONAL])
    case.tie("sayah", "daniel", STRONG, flow=Flow.FROM_TARGET, often="fortnightly",
             support=[PRACTICAL, FINANCIAL, ADVOCACY])
    case.tie("sayah", "hannah", TENUOUS, start="2021-03", end="2026-05")
    case.tie("sayah", "oakfield", STRONG, start="2021-09", end="2024-06", support=[PRACTICAL, EMOTIONAL],
             notes="Chosen by Sayah on condition that her mother could visit often.")
    case.tie("sayah", "college", STRONG, start="2024-09", end="2026-07")
    case.tie("sayah", "virtual-school", MODERATE, flow=Flow.FROM_TARGET, often="monthly", support=[ADVOCACY])
    case.tie("sayah", "camhs", STRONG, start="2022-01", end="2025-11", support=[EMOTIONAL])
    case.tie("sayah", "talking-therapies", MODERATE, often="fortnightly", support=[EMOTIONAL])
    case.tie("sayah", "safe-futures", MODERATE, flow=Flow.FROM_TARGET, often="monthly check-in",
             support=[EMOTIONAL, ADVOCACY])
    case.tie("sayah", "youth-zone", STRONG, flow=Flow.TO_TARGET, often="weekly (she volunteers)")
    case.tie("sayah", "netball", MODERATE, often="Wednesday evenings")
    case.tie("sayah", "mosque", TENUOUS, often="with Mum at Eid")
    case.tie("sayah", "gp", TENUOUS, often="rarely")
    case.tie("sayah", "leaving-care", MODERATE, stressful=True, often="as needed",
             notes="Sayah finds the bursary forms stressful.", support=[FINANCIAL])
    case.tie("home", "mosque", MODERATE, often="weekly (Farida)", support=[CULTURAL, EMOTIONAL])
    return case.doc


# ----- the father on a parenting programme ----------------------------------------------------------


def _parenting_programme() -> CaseDocument:
    case = _CaseBuilder("parenting", CaseInfo(
        PARENTING, reference="CP-2025-1190", author="Sadia Hussain",
        team="Eastbridge Children's Services, Safeguarding Team 1",
        summary="The Rahman family: six children. Their father Shahid was violent to their mother Rukhsana "
                "for years; the older children saw it. Rukhsana left in November 2025 and took legal action "
                "(non-molestation order, March 2026). She and the children now live at an address he must "
                "not learn. Shahid joined the fathers' parenting programme's Sylheti group in May 2026 and "
                "has supervised contact with the four younger children. Safety planning with Rukhsana "
                "continues with the domestic abuse service."))
    address_secret = ["contact.address", "contact.phone"]
    case.person(
        "rukhsana", "Rukhsana", "Begum", F, "1984-07-22", at=CLOSEST_FAMILY, roles=[Role.PARENT],
        known_as="রুকসানা", first_language="Bengali (Sylheti)", interpreter_needed=True,
        contact=Contact(address="Flat 3, 27 Alder Court, Eastbridge EB7 2LN", phone="07700 900119"),
        confidential_fields=address_secret,
        strengths=["Took legal action to protect herself and the children",
                   "Keeps six children in school and at every health appointment",
                   "Warm and funny; the children say 'Amma makes everything OK'"],
        worries=["Exhausted and low; her GP started antidepressants in June 2026",
                 "Isolated since the move: her friends live near the old address"],
        wishes="I want the children to be safe, and to love their father without being frightened of him. "
               "I want to learn English and get a job.")
    case.person(
        "shahid", "Shahid", "Rahman", M, "1980-01-05", at=WIDER_FAMILY, roles=[Role.PARENT],
        first_language="Bengali (Sylheti)", interpreter_needed=True, occupation="Chef",
        must_not_be_told=True,
        safety_reason="Non-molestation order (March 2026 to March 2027). He must not be told Rukhsana's or "
                      "the children's address, the younger children's school or nursery, or when and where "
                      "Rukhsana meets professionals. Invite him to his own part of any meeting, never with her.",
        strengths=["Has attended every session of the fathers' programme since May 2026 (14 of 14)",
                   "Keeps to supervised contact times and is gentle with the little ones"],
        worries=["Physical violence to Rukhsana over many years, seen by the older children; police called "
                 "four times 2023–2025",
                 "Still minimises it: 'it was only pushing'",
                 "Drinking more since the separation (his own account)"],
        wishes="I want to see my children grow up. I know I have to change first.")
    kids = [
        ("tanvir", "Tanvir", M, "2011-02-10", CLOSEST_FAMILY,
         ["Plays cricket for Eastbridge Cricket Club", "Helps his younger brothers and sisters every morning"],
         ["Stood between his parents in 2025; angry with his father and refuses contact",
          "Attendance down to 78%; staying out late"],
         "I don't want to see him. I want Mum to stop crying."),
        ("sumaiya", "Sumaiya", F, "2013-05-01", CLOSEST_FAMILY,
         ["Top set for maths; wants to be a doctor"],
         ["Anxious: stomach aches before school; referred to CAMHS", "Will not leave her mother's side"],
         "I want everyone to stop fighting, and I want my own room one day."),
        ("arif", "Arif", M, "2015-09-19", CLOSEST_FAMILY,
         ["Loves football and drawing"], ["Nightmares since the move"],
         "I want to go back to my old school to see my friends."),
        ("nadia", "Nadia", F, "2018-01-07", CLOSEST_FAMILY,
         ["Chatty and confident; loves her reading group"], ["Asks for her father every night"],
         "I miss Abba. I want to see him at the contact centre with Arif."),
        ("ibrahim", "Ibrahim", M, "2021-03-15", CLOSEST_FAMILY,
         ["Settled well in Reception"], ["Speech is behind; waiting for speech and language therapy"], ""),
        ("maryam", "Maryam", F, "2024-08-30", CLOSEST_FAMILY,
         ["Thriving at nursery"], [], ""),
    ]
    for slug, given, gender, born, at, strengths, worries, wishes in kids:
        case.person(slug, given, "Rahman", gender, born, at=at, roles=[Role.CHILD],
                    first_language="Bengali (Sylheti) and English", strengths=strengths, worries=worries,
                    wishes=wishes, contact=Contact(address="Flat 3, 27 Alder Court, Eastbridge EB7 2LN"),
                    confidential_fields=["contact.address"])
    case.person(
        "rahima", "Rahima", "Khatun", F, "1955", at=WIDER_FAMILY, first_language="Bengali (Sylheti)",
        interpreter_needed=True, must_not_be_told=True,
        safety_reason="Has told Rukhsana she will 'make sure Shahid finds you'. Do not share the address, "
                      "schools or meeting times with her.",
        strengths=["Loves the grandchildren; cooked for them every day before the separation"])
    case.person("ali-rahman", "Abdul Ali", "Rahman", M, "1950", died="2012-06")
    case.person(
        "mamun", "Mamun", "Ahmed", M, "1987-03-03", at=CLOSE_FAMILY, known_as="Mamu",
        first_language="Bengali (Sylheti) and English", occupation="Taxi driver",
        strengths=["Drives Rukhsana to court and appointments",
                   "Has a spare room: Tanvir stays at weekends"])
    case.person("shapla", "Shapla", "Ahmed", F, "1990", at=CLOSE_FAMILY, first_language="Bengali",
                strengths=["Looks after Maryam when Rukhsana has appointments"])
    case.person(
        "nani", "আনোয়ারা", "বেগম", F, "~1960", at=WIDER_FAMILY, known_as="Nani Anwara",
        first_language="Sylheti", interpreter_needed=True, contact=Contact(address="Sylhet, Bangladesh"),
        strengths=["Calls every Friday; the children love her stories"])
    case.person("nana", "আব্দুল", "মজিদ", M, "~1955", died="2015", known_as="Nana Abdul Majid")
    case.person(
        "nasreen", "Nasreen", "Chowdhury", F, "~1975", at=CLOSE_COMMUNITY, roles=[Role.FRIEND],
        first_language="Bengali", strengths=["From the women's group; brings food and sits with Rukhsana"],
        notes="Helps informally with English letters; not to interpret in meetings (a friend, not neutral).")
    case.person(
        "sadia", "Sadia", "Hussain", F, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
        first_language="English, Bengali and Sylheti",
        occupation="Social worker (allocated), Eastbridge Children's Services",
        contact=Contact(phone="020 7946 0119", email="sadia.hussain@eastbridge.example"))

    case.service(
        "dads", "Dads Together (fathers' parenting programme)", C.VOLUNTARY, at=WIDER_PROFESSIONAL,
        contact_person="Abdul Karim, group facilitator", contact=Contact(phone="020 7946 0990"),
        first_language_offer="Groups in Urdu, Bengali/Sylheti, Punjabi, Gujarati, Arabic and Albanian; "
                             "waiting lists for Romanian, Polish, Tamil and Tagalog",
        notes="Twenty-week programme; Shahid is in the Tuesday evening Sylheti group.")
    case.service("idva", "Eastbridge Domestic Abuse Service (IDVA)", C.VOLUNTARY, at=CLOSE_PROFESSIONAL)
    case.service("solicitor", "Hart & Rao Family Law", C.LEGAL, at=WIDER_PROFESSIONAL,
                 notes="Non-molestation order; child arrangements application pending.")
    case.service("housing", "Eastbridge Housing Options", C.HOUSING, at=WIDER_PROFESSIONAL)
    case.service("thornhill", "Thornhill Academy", C.EDUCATION, at=CLOSE_PROFESSIONAL)
    case.service("riverside-girls", "Riverside Girls' School", C.EDUCATION, at=CLOSE_PROFESSIONAL)
    case.service("primary", "Alder Park Primary School", C.EDUCATION, at=CLOSE_PROFESSIONAL, confidential=True,
                 notes="The new school of Arif, Nadia and Ibrahim: it would give away where they live.")
    case.service("nursery", "Little Acorns Nursery", C.EDUCATION, at=CLOSE_PROFESSIONAL, confidential=True)
    case.service("gp", "Alder Medical Centre", C.HEALTH, at=WIDER_PROFESSIONAL,
                 contact=Contact(address="Alder Road, Eastbridge EB7"), confidential_fields=["contact.address"])
    case.service("camhs", "Eastbridge CAMHS", C.MENTAL_HEALTH, at=WIDER_PROFESSIONAL)
    case.service("contact-centre", "Eastbridge Family Contact Centre", C.STATUTORY, at=WIDER_PROFESSIONAL,
                 notes="Supervised contact every other Saturday for Arif, Nadia, Ibrahim and Maryam.")
    case.service("women-group", "Baitul Aman Mosque women's group", C.FAITH, at=CLOSE_COMMUNITY)
    case.service("cricket", "Eastbridge Cricket Club", C.LEISURE, at=CLOSE_COMMUNITY)
    case.service("youth-zone", "Eastbridge Youth Zone (youth service)", C.COMMUNITY, at=CLOSE_COMMUNITY)
    case.service("esol", "Eastbridge Adult Learning (ESOL)", C.EDUCATION, at=WIDER_COMMUNITY)

    children = [slug for slug, *_ in kids]
    case.household("mother-home", "Rukhsana and the children", ["rukhsana", *children],
                   "Flat 3, 27 Alder Court, Eastbridge EB7 2LN", confidential_fields=["address"])
    case.household("father-home", "Shahid and his mother", ["shahid", "rahima"], "41 Station Road, Eastbridge EB2")
    case.household("mamun-home", "Mamun and Shapla", ["mamun", "shapla"])

    case.couple("shahid", "rukhsana", PartnershipType.SEPARATED, "2009-12-20", notes="Separated November 2025.")
    case.couple("ali-rahman", "rahima", PartnershipType.WIDOWED, "1975", "2012-06")
    case.couple("nana", "nani", PartnershipType.WIDOWED, "1982", "2015")
    case.couple("mamun", "shapla", PartnershipType.MARRIED, "2016")
    case.children(("ali-rahman", "rahima"), "shahid")
    case.children(("nana", "nani"), "rukhsana", "mamun")
    case.children(("shahid", "rukhsana"), *children)

    case.feel("shahid", "rukhsana", EmotionalType.PHYSICAL_ABUSE)
    case.feel("shahid", "rukhsana", EmotionalType.COERCIVE_CONTROL, "Controlled money and who she could see.")
    case.feel("tanvir", "shahid", EmotionalType.HOSTILE)
    case.feel("nadia", "shahid", EmotionalType.CLOSE)
    case.feel("sumaiya", "rukhsana", EmotionalType.FUSED)
    case.feel("rukhsana", "mamun", EmotionalType.CLOSE)
    case.feel("rukhsana", "rahima", EmotionalType.CONFLICTUAL)

    case.tie("shahid", "dads", STRONG, often="weekly, Tuesday evenings", start="2026-05",
             support=[EMOTIONAL, CULTURAL], notes="Run in his first language (Sylheti).")
    case.tie("shahid", "contact-centre", MODERATE, stressful=True, often="every other Saturday")
    case.tie("rukhsana", "idva", STRONG, flow=Flow.FROM_TARGET, often="weekly", support=[ADVOCACY, EMOTIONAL])
    case.tie("rukhsana", "solicitor", MODERATE, stressful=True, support=[ADVOCACY])
    case.tie("rukhsana", "women-group", STRONG, often="Fridays", support=[EMOTIONAL, CULTURAL])
    case.tie("rukhsana", "esol", MODERATE, often="twice a week")
    case.tie("rukhsana", "sadia", MODERATE, often="fortnightly")
    case.tie("rukhsana", "mamun", STRONG, flow=Flow.FROM_TARGET, support=[TRANSPORT, CHILDCARE, EMOTIONAL])
    case.tie("rukhsana", "nasreen", STRONG, support=[EMOTIONAL, PRACTICAL])
    case.tie("mother-home", "housing", MODERATE, stressful=True, notes="Temporary accommodation until a move.")
    case.tie("mother-home", "gp", MODERATE)
    case.tie("tanvir", "thornhill", TENUOUS, stressful=True, often="daily (78% attendance)")
    case.tie("tanvir", "cricket", STRONG, often="twice a week in season")
    case.tie("tanvir", "youth-zone", MODERATE, often="weekly")
    case.tie("tanvir", "mamun", STRONG, often="weekends", support=[RESPITE, EMOTIONAL])
    case.tie("sumaiya", "riverside-girls", MODERATE, often="daily")
    case.tie("sumaiya", "camhs", TENUOUS, often="assessment booked")
    case.tie("arif", "primary", MODERATE)
    case.tie("nadia", "primary", STRONG)
    case.tie("ibrahim", "primary", MODERATE)
    case.tie("maryam", "nursery", STRONG)
    return case.doc


# ----- the blended family ---------------------------------------------------------------------------


def _blended_family() -> CaseDocument:
    case = _CaseBuilder("blended", CaseInfo(
        BLENDED, reference="CLA-2022-0311", author="Olumide Bakare",
        team="Eastbridge Children's Services, Children in Care Team",
        summary="Maja Nowak (10) has lived with foster carers Janet and Derek Okoro since March 2022, under a "
                "care order, after neglect when her mother Kasia was drinking heavily. Kasia has been sober "
                "since 2023. Maja's half-siblings are spread over four homes: the twins Ayaan and Ayesha with "
                "their grandmother Rokeya (special guardianship), Oliver with his father Tom, and Emily, "
                "adopted in 2010. Through Lifelong Links Maja's network has grown from 6 to 31 people; the "
                "aim is relationships that last beyond care."))
    P, FAM = Role.PARENT, CLOSE_FAMILY

    # Maja's mother's family (Polish)
    case.person("stanislaw", "Stanisław", "Wiśniewski", M, "1938-05-08", died="2009-04-17")
    case.person("zofia", "Zofia", "Wiśniewska", F, "1941-09-12", at=CLOSEST_FAMILY, known_as="Prababcia",
                first_language="Polish", interpreter_needed=True,
                strengths=["Teaches Maja Polish songs and takes her to Mass once a month"],
                worries=["Frail; had a stroke in 2024"])
    case.person("lukasz", "Łukasz", "Nowak", M, "1961-03-02", died="2020-11-17",
                notes="Died of Covid-19; Maja remembers him reading to her.")
    case.person("ewa", "Ewa", "Nowak", F, "1965-06-24", at=FAM, first_language="Polish",
                occupation="Pharmacy dispenser",
                strengths=["Cares for her mother Zofia; has offered to have Maja every other weekend"],
                worries=["Was cut off from Kasia for four years and is cautious about trusting her again"])
    case.person("piotr", "Piotr", "Kamiński", M, "1963", at=WIDER_FAMILY, first_language="Polish")
    case.person("kasia", "Katarzyna", "Nowak", F, "1990-01-27", at=CLOSEST_FAMILY, known_as="Kasia",
                roles=[P], first_language="Polish and English",
                strengths=["Sober since May 2023; goes to AA twice a week",
                           "Has never missed a contact session with Maja since 2023"],
                worries=["Relapsed twice before 2023", "Lives alone; little support close by"],
                wishes="I want Maja to know I never stopped fighting for her.")
    case.person("tomasz", "Tomasz", "Nowak", M, "1988-08-08", at=WIDER_FAMILY, first_language="Polish and English")
    case.person("olivia", "Olivia", "Nowak", F, "1989", at=WIDER_FAMILY)
    case.person("zuzanna", "Zuzanna", "Nowak", F, "2014-02-14", at=WIDER_FAMILY)
    case.person("jakub", "Jakub", "Nowak", M, "2017-10-30", at=WIDER_FAMILY)
    case.person("magda", "Małgorzata", "Nowak", F, "1993-04-04", at=WIDER_FAMILY, known_as="Magda",
                first_language="Polish", contact=Contact(address="Gdańsk, Poland"))
    case.person("marek", "Marek", "Zieliński", M, "1986-12-01", at=WIDER_FAMILY, roles=[P],
                first_language="Polish", contact=Contact(address="Wrocław, Poland"),
                notes="Maja's father; not on her birth certificate. Wrote to her for the first time in 2025.")
    case.person("halina", "Halina", "Zielińska", F, "1962", at=WIDER_FAMILY, first_language="Polish",
                interpreter_needed=True)
    case.person("maja", "Maja", "Nowak", F, "2016-10-05", roles=[Role.CHILD],
                first_language="English and Polish",
                identity={"religion": "Catholic", "culture": "Polish and British",
                          "education": "Year 6, St Bernadette's; Polish Saturday school"},
                strengths=["Bright and curious; loves gymnastics and drawing maps of 'everyone in my family'",
                           "Settled and loved at the Okoros'"],
                worries=["Asks every contact when she can go home to Mum",
                         "Misses Oliver and Tom; the move in 2022 ended contact with them until this year"],
                wishes="I want to see Ayesha every week, not just on the phone. I want Mum to come to my "
                       "gymnastics competition. Can Emily be my big sister for real?")

    # the twins' father's family (British Bangladeshi)
    case.person("mohammed-ali", "মোহাম্মদ", "আলী", M, "1932", died="2015-08", known_as="Mohammed Ali")
    case.person("jahanara", "জাহানারা", "খাতুন", F, "1938", at=WIDER_FAMILY, known_as="Nani Jahanara",
                first_language="Sylheti", interpreter_needed=True, contact=Contact(address="Sylhet, Bangladesh"))
    case.person("abdul", "Abdul", "Hossain", M, "1954-01-15", at=WIDER_FAMILY, first_language="Sylheti and English")
    case.person("rokeya", "Rokeya", "Begum", F, "1960-11-02", at=FAM, known_as="রোকেয়া",
                roles=[Role.KINSHIP_CARER], first_language="Sylheti", interpreter_needed=True,
                strengths=["Special guardian to the twins since 2020; a stable, loving home",
                           "Agreed to Maja visiting the twins once a month"],
                worries=["Angry with Kasia; finds contact with her hard", "Her knees: stairs are difficult"])
    case.person("rafiq", "Rafiq", "Hossain", M, "1988-06-30", at=FAM, roles=[P], first_language="English",
                occupation="Electrician")
    case.person("shirin", "Shirin", "Hossain", F, "1985-03-21", at=WIDER_FAMILY,
                strengths=["Has the twins for respite one weekend a month"])
    case.person("kamal", "Kamal", "Uddin", M, "1982", at=WIDER_FAMILY)
    case.person("nabila", "Nabila", "Uddin", F, "2010-07-07", at=WIDER_FAMILY)
    case.person("rayhan", "Rayhan", "Uddin", M, "2014-12-12", at=WIDER_FAMILY)
    case.person("imran", "Imran", "Hossain", M, "1992-09-09", at=WIDER_FAMILY)
    for slug, given, gender in (("ayaan", "Ayaan", M), ("ayesha", "Ayesha", F)):
        case.person(slug, given, "Hossain", gender, "2013-04-18", at=CLOSEST_FAMILY if slug == "ayesha" else FAM,
                    first_language="English and Sylheti", twin_group="hossain-2013", identical_twin=False)
    case.person("nour", "Nour", "Haddad", F, "1994-02-02", at=WIDER_FAMILY, known_as="نور",
                first_language="Arabic and English")
    case.person("khaled", "خالد", "حداد", M, "1960", at=WIDER_FAMILY, known_as="Khaled",
                first_language="Arabic", interpreter_needed=True, contact=Contact(address="Gaziantep, Türkiye"))
    case.person("rania", "رانيا", "حداد", F, "1964", at=WIDER_FAMILY, known_as="Rania",
                first_language="Arabic", interpreter_needed=True, contact=Contact(address="Gaziantep, Türkiye"))
    for slug, given in (("yusuf", "Yusuf"), ("idris", "Idris")):
        case.person(slug, given, "Hossain", M, "2021-09-02", at=WIDER_FAMILY, twin_group="hossain-2021",
                    identical_twin=True)
    case.person("lost-2023", "", "Hossain", Gender.UNKNOWN, None, pregnancy=PregnancyState.MISCARRIAGE,
                notes="Miscarriage at 11 weeks, May 2023.")
    case.person("expected", "", "Hossain", Gender.UNKNOWN, None, pregnancy=PregnancyState.PREGNANCY,
                known_as="Baby due March 2027")

    # Oliver's father's family
    case.person("graham", "Graham", "Bennett", M, "1958", at=WIDER_FAMILY)
    case.person("linda", "Linda", "Hughes", F, "1960-02-29", at=WIDER_FAMILY)
    case.person("peter", "Peter", "Hughes", M, "1955", at=WIDER_FAMILY)
    case.person("tom", "Tom", "Bennett", M, "1986-04-11", at=FAM, roles=[P], occupation="Postman",
                strengths=["Agreed to restart Maja's contact with Oliver in June 2026"],
                worries=["Feels Kasia 'took Maja away from us too'"])
    case.person("sarah", "Sarah", "Price", F, "1988", at=WIDER_FAMILY)
    case.person("lily", "Lily", "Bennett", F, "2012-07-23", at=WIDER_FAMILY)
    case.person("oliver", "Oliver", "Bennett", M, "2019-12-11", at=FAM,
                wishes="Maja is my sister. She can come to my birthday.")

    # Emily, adopted in 2010
    case.person("emily", "Emily", "Carter", F, "2008-02-14", at=WIDER_FAMILY,
                contact=Contact(address="Winchester"), confidential_fields=["contact.address"],
                wishes="I'd like to meet Maja. I've got a sister and I want to know her.")
    case.person("claire", "Claire", "Carter", F, "1975", at=WIDER_FAMILY, roles=[P],
                contact=Contact(address="Winchester"), confidential_fields=["contact.address"])
    case.person("mark", "Mark", "Carter", M, "1973", at=WIDER_FAMILY, roles=[P],
                contact=Contact(address="Winchester"), confidential_fields=["contact.address"])

    # the foster family
    carer_contact = Contact(address="22 Larch Avenue, Eastbridge EB9 6HF", phone="07700 900311")
    case.person("janet", "Janet", "Okoro", F, "1968-08-19", at=CLOSEST_FAMILY, roles=[Role.FOSTER_CARER],
                contact=carer_contact, confidential_fields=["contact.address", "contact.phone"],
                strengths=["Has fostered for 20 years; Maja calls her 'Auntie Janet'",
                           "Takes Maja to every family contact and stays friendly with Kasia"])
    case.person("derek", "Derek", "Okoro", M, "1966-01-03", at=CLOSEST_FAMILY, roles=[Role.FOSTER_CARER],
                contact=carer_contact, confidential_fields=["contact.address", "contact.phone"],
                strengths=["Coaches at Maja's gymnastics club on Saturdays"])
    case.person("samuel", "Samuel", "Okoro", M, "2003-05-05", at=FAM)
    case.person("foster-sibling", "", "", Gender.UNKNOWN, None, at=CLOSE_COMMUNITY,
                known_as="Foster sibling (name withheld)", confidential=True,
                notes="Another child placed with the Okoros; their details belong to their own case.")

    # professionals
    case.person("olumide", "Olumide", "Bakare", M, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
                occupation="Social worker (allocated), Children in Care Team",
                contact=Contact(phone="020 7946 0311", email="olumide.bakare@eastbridge.example"))
    case.person("fiona", "Fiona", "McLeod", F, None, at=WIDER_PROFESSIONAL, roles=[Role.PROFESSIONAL],
                occupation="Independent reviewing officer")
    case.person("priya", "Priya", "Natarajan", F, None, at=CLOSE_PROFESSIONAL, roles=[Role.PROFESSIONAL],
                known_as="பிரியா", occupation="Lifelong Links coordinator")

    case.service("school", "St Bernadette's Catholic Primary School", C.EDUCATION, at=CLOSE_PROFESSIONAL)
    case.service("polish-school", "Polska Szkoła Sobotnia im. Marii Konopnickiej", C.EDUCATION,
                 at=CLOSE_COMMUNITY, notes="Polish Saturday school.")
    case.service("gp", "Cedar Lodge Surgery", C.HEALTH, at=WIDER_PROFESSIONAL)
    case.service("camhs", "Eastbridge CAMHS (children in care team)", C.MENTAL_HEALTH, at=CLOSE_PROFESSIONAL,
                 notes="Weekly play therapy since 2025.")
    case.service("parish", "Polish Catholic Mission, Our Lady of Częstochowa", C.FAITH, at=WIDER_COMMUNITY)
    case.service("gymnastics", "Eastbridge Gymnastics Club", C.LEISURE, at=CLOSE_COMMUNITY)
    case.service("youth-zone", "Eastbridge Youth Zone junior club (youth service)", C.COMMUNITY, at=WIDER_COMMUNITY)
    case.service("fostering", "Eastbridge Fostering Service", C.STATUTORY, at=WIDER_PROFESSIONAL)
    case.service("virtual-school", "Eastbridge Virtual School", C.EDUCATION, at=WIDER_PROFESSIONAL)
    case.service("lifelong-links", "Lifelong Links (Eastbridge Family Group Conference Service)", C.VOLUNTARY,
                 at=CLOSE_PROFESSIONAL)
    case.service("letterbox", "Eastbridge Adoption Support (letterbox contact)", C.STATUTORY,
                 at=WIDER_PROFESSIONAL)

    case.household("foster-home", "The Okoros' (foster home)", ["janet", "derek", "samuel", "maja", "foster-sibling"],
                   "22 Larch Avenue, Eastbridge EB9 6HF", confidential_fields=["address"])
    case.household("rokeya-home", "Rokeya and Abdul's home", ["abdul", "rokeya", "ayaan", "ayesha", "imran"])
    case.household("rafiq-home", "Rafiq and Nour's home", ["rafiq", "nour", "yusuf", "idris"])
    case.household("tom-home", "Tom's home", ["tom", "oliver"])
    case.household("sarah-home", "Sarah's home", ["sarah", "lily"])
    case.household("kasia-home", "Kasia's flat", ["kasia"])
    case.household("ewa-home", "Ewa and Zofia's home", ["ewa", "zofia"])
    case.household("tomasz-home", "Tomasz and Olivia's home", ["tomasz", "olivia", "zuzanna", "jakub"])
    case.household("shirin-home", "Shirin and Kamal's home", ["shirin", "kamal", "nabila", "rayhan"])
    case.household("carter-home", "The Carters' home", ["claire", "mark", "emily"], "Winchester",
                   confidential_fields=["address"])

    W = PartnershipType
    case.couple("stanislaw", "zofia", W.WIDOWED, "1962", "2009-04")
    case.couple("lukasz", "ewa", W.WIDOWED, "1987-06-20", "2020-11")
    case.couple("piotr", "ewa", W.DATING, "2023")
    case.couple("rafiq", "kasia", W.DIVORCED, "2011-08-20", "2017-03")
    case.couple("marek", "kasia", W.SEPARATED, "2015", "2016")
    case.couple("tom", "kasia", W.SEPARATED, "2018", "2022-02")
    case.couple("tom", "sarah", W.SEPARATED, "2010", "2013")
    case.couple("rafiq", "nour", W.MARRIED, "2019-07-06")
    case.couple("graham", "linda", W.DIVORCED, "1984", "1995")
    case.couple("peter", "linda", W.MARRIED, "2000-05")
    case.couple("tomasz", "olivia", W.MARRIED, "2013")
    case.couple("mohammed-ali", "jahanara", W.WIDOWED, "1956", "2015-08")
    case.couple("abdul", "rokeya", W.MARRIED, "1982")
    case.couple("kamal", "shirin", W.MARRIED, "2008")
    case.couple("khaled", "rania", W.MARRIED, "1988")
    case.couple("derek", "janet", W.MARRIED, "1996")
    case.couple("mark", "claire", W.MARRIED, "2002")

    case.children(("stanislaw", "zofia"), "ewa")
    case.children(("lukasz", "ewa"), "tomasz", "kasia", "magda")
    case.children(("tomasz", "olivia"), "zuzanna", "jakub")
    case.children(("halina",), "marek")
    case.children(("mohammed-ali", "jahanara"), "rokeya")
    case.children(("abdul", "rokeya"), "shirin", "rafiq", "imran")
    case.children(("kamal", "shirin"), "nabila", "rayhan")
    case.children(("rafiq", "kasia"), "ayaan", "ayesha")
    case.children(("khaled", "rania"), "nour")
    case.children(("rafiq", "nour"), "yusuf", "idris", "lost-2023", "expected")
    case.children(("graham", "linda"), "tom")
    case.children(("tom", "sarah"), "lily")
    case.children(("tom", "kasia"), "oliver")
    case.children(("janet", "derek"), "samuel")
    case.parent("kasia", "maja", notes="Shares parental responsibility with the council under the care order.")
    case.parent("marek", "maja", responsibility=False)
    case.parent("kasia", "emily", responsibility=False, notes="Parental responsibility ended with the adoption order.")
    case.parent("claire", "emily", ParentageType.ADOPTIVE, start="2010-05")
    case.parent("mark", "emily", ParentageType.ADOPTIVE, start="2010-05")
    case.parent("rokeya", "ayaan", ParentageType.KINSHIP, start="2020-06", notes="Special guardianship order.")
    case.parent("rokeya", "ayesha", ParentageType.KINSHIP, start="2020-06", notes="Special guardianship order.")
    case.parent("janet", "maja", ParentageType.FOSTER, responsibility=False, start="2022-03-14")
    case.parent("derek", "maja", ParentageType.FOSTER, responsibility=False, start="2022-03-14")
    case.parent("tom", "maja", ParentageType.STEP, responsibility=False, start="2018", end="2022-02")
    case.parent("kasia", "lily", ParentageType.STEP, responsibility=False, start="2018", end="2022-02")
    case.parent("peter", "tom", ParentageType.STEP, responsibility=False, start="2000-05")
    case.parent("nour", "ayaan", ParentageType.STEP, responsibility=False, start="2019-07")
    case.parent("nour", "ayesha", ParentageType.STEP, responsibility=False, start="2019-07")

    E = EmotionalType
    case.feel("maja", "ayesha", E.CLOSE, "Video calls every Sunday.")
    case.feel("maja", "ayaan", E.DISTANT, "Ayaan is thirteen and 'busy'.")
    case.feel("ayaan", "ayesha", E.CLOSE)
    case.feel("maja", "kasia", E.CLOSE)
    case.feel("maja", "zofia", E.CLOSE)
    case.feel("maja", "janet", E.CLOSE)
    case.feel("maja", "oliver", E.CUT_OFF_REPAIRED, "No contact 2022–2026; restarted in June 2026.")
    case.feel("maja", "tom", E.DISTANT)
    case.feel("kasia", "rafiq", E.HOSTILE)
    case.feel("kasia", "ewa", E.CUT_OFF_REPAIRED, "No contact 2019–2023; reconnected once Kasia was sober.")
    case.feel("rokeya", "kasia", E.CONFLICTUAL)
    case.feel("kasia", "emily", E.CUT_OFF, "Letterbox contact once a year only.")
    case.feel("kasia", "tom", E.CONFLICTUAL)
    case.feel("rafiq", "nour", E.CLOSE)
    case.feel("ewa", "zofia", E.CLOSE)

    case.tie("maja", "janet", STRONG, flow=Flow.FROM_TARGET, often="daily", support=[PRACTICAL, EMOTIONAL])
    case.tie("maja", "derek", STRONG, flow=Flow.FROM_TARGET, often="daily", support=[PRACTICAL, TRANSPORT])
    case.tie("maja", "kasia", MODERATE, stressful=True, often="supervised, twice a month",
             notes="Maja is upset after most contacts, but would be more upset without them.")
    case.tie("maja", "zofia", STRONG, often="monthly, with Ewa", support=[CULTURAL, EMOTIONAL])
    case.tie("maja", "ewa", MODERATE, often="monthly", support=[CULTURAL])
    case.tie("maja", "ayesha", STRONG, often="weekly calls, monthly visits", support=[EMOTIONAL])
    case.tie("maja", "rokeya", TENUOUS, often="monthly visits to the twins")
    case.tie("maja", "oliver", MODERATE, often="monthly since June 2026", start="2026-06")
    case.tie("maja", "emily", TENUOUS, flow=Flow.NONE, often="letterbox; a first meeting is being planned")
    case.tie("maja", "school", STRONG, often="daily")
    case.tie("maja", "polish-school", MODERATE, often="Saturdays", support=[CULTURAL])
    case.tie("maja", "gp", TENUOUS)
    case.tie("maja", "camhs", MODERATE, flow=Flow.FROM_TARGET, often="weekly play therapy", support=[EMOTIONAL])
    case.tie("maja", "parish", TENUOUS, often="monthly with Zofia", support=[CULTURAL])
    case.tie("maja", "gymnastics", STRONG, often="twice a week")
    case.tie("maja", "youth-zone", TENUOUS, often="school holidays")
    case.tie("maja", "fostering", MODERATE, flow=Flow.FROM_TARGET)
    case.tie("maja", "virtual-school", TENUOUS, support=[ADVOCACY])
    case.tie("maja", "lifelong-links", STRONG, flow=Flow.FROM_TARGET, start="2025-09", support=[ADVOCACY])
    case.tie("maja", "letterbox", TENUOUS, often="once a year")
    case.tie("maja", "olumide", MODERATE, often="every six weeks")
    case.tie("maja", "fiona", TENUOUS, often="reviews")
    case.tie("maja", "priya", STRONG, often="fortnightly", support=[ADVOCACY])
    case.tie("foster-home", "fostering", MODERATE, support=[RESPITE, FINANCIAL])
    return case.doc
