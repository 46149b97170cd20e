"""A plain-text summary of a case, for `circles show` and anywhere a quick read is needed.

Written for a practitioner skimming a case: who the child is, who lives with them, the family by
generation, the people and services around them and how strong each tie is, and what needs care
(safety flags, confidential fields, problems found).
"""

from __future__ import annotations

from datetime import date

from .document import CaseDocument
from .model import (
    EcomapTie,
    Emotional,
    Parentage,
    ParentageType,
    PartialDate,
    Partnership,
    Person,
    PregnancyState,
    Service,
)
from .validation import Severity


def age(person: Person, today: date | None = None) -> int | None:
    """Age in whole years, at death for the deceased; ``None`` when no date or age is known."""
    if person.birth is None:
        return person.approximate_age
    end: PartialDate | date | None = person.death if person.deceased else (today or date.today())
    if end is None:
        return None
    end_year, end_month, end_day = (end.year, end.month, end.day) if isinstance(end, date) else end.earliest()
    years = end_year - person.birth.year
    if (end_month, end_day) < ((person.birth.month or 1), (person.birth.day or 1)):
        years -= 1
    return max(years, 0)


def describe_person(person: Person, today: date | None = None) -> str:
    parts = [person.label]
    years = age(person, today)
    if person.pregnancy is not PregnancyState.NONE:
        parts.append(person.pregnancy.value)
    elif person.deceased:
        parts.append(f"died aged {years}" if years is not None else "deceased")
    elif years is not None:
        parts.append(f"{years}")
    if person.first_language:
        parts.append(person.first_language + (", needs an interpreter" if person.interpreter_needed else ""))
    return ", ".join(parts)


def summarise(doc: CaseDocument, today: date | None = None) -> str:
    """The whole case as readable text."""
    info = doc.info
    people, services = doc.people(), doc.services()
    rels = doc.relationships()
    lines = [info.name + (f"  [{info.reference}]" if info.reference else "")]
    if info.summary:
        lines.append(info.summary)
    lines.append(f"{len(people)} people, {len(services)} services, {len(doc.households())} households, "
                 f"{len(rels)} relationships")

    for child in doc.children_at_centre():
        lines += ["", f"Child at the centre: {describe_person(child, today)}"]
        if child.wishes:
            lines.append(f'  In their own words: "{child.wishes}"')
        for household in doc.household_of(child.id):
            others = [doc.node(m).label for m in sorted(household.members) if m != child.id]
            lines.append(f"  Lives in {household.label} with {', '.join(others) or 'nobody else'}")

    lines += ["", "Family"]
    for person in people:
        lines.append("  " + describe_person(person, today))
        for rel in rels:
            if isinstance(rel, Partnership) and rel.source == person.id:
                lines.append(f"      {rel.type.value.replace('_', ' ')} to {doc.node(rel.target).label}")
            elif isinstance(rel, Parentage) and rel.target == person.id and rel.type is not ParentageType.BIRTH:
                lines.append(f"      {rel.type.value} parent: {doc.node(rel.source).label}")
        kids = doc.children_of(person.id, ParentageType.BIRTH)
        if kids:
            lines.append(f"      children: {', '.join(k.short_name for k in kids)}")

    ties = [r for r in rels if isinstance(r, EcomapTie)]
    if ties:
        lines += ["", "Around the child (ecomap)"]
        for tie in ties:
            other = doc.node(tie.target)
            kind = f"{other.category.value} service" if isinstance(other, Service) else "person"
            extras = [tie.strength.value + (", stressful" if tie.stressful else "")]
            if tie.support:
                extras.append("support: " + ", ".join(sorted(s.value for s in tie.support)))
            lines.append(f"  {doc.node(tie.source).label} - {other.label} ({kind}): {'; '.join(extras)}")

    emotional = [r for r in rels if isinstance(r, Emotional)]
    if emotional:
        lines += ["", "Emotional relationships"]
        for rel in emotional:
            joint = " towards " if rel.type.directed else " and "
            lines.append(f"  {doc.node(rel.source).label}{joint}{doc.node(rel.target).label}: "
                         f"{rel.type.value.replace('_', ' ')}")

    flagged = [p for p in people if p.must_not_invite or p.must_not_be_told]
    hidden = [n for n in doc.nodes() if n.confidential or n.confidential_fields]
    if flagged or hidden:
        lines += ["", "Safety and confidentiality"]
        for person in flagged:
            what = " and ".join(w for w, on in (("must not be invited", person.must_not_invite),
                                                ("must not be told", person.must_not_be_told)) if on)
            lines.append(f"  {person.label} {what}: {person.safety_reason or 'no reason recorded'}")
        for node in hidden:
            fields = "everything" if node.confidential else ", ".join(sorted(node.confidential_fields))
            lines.append(f"  confidential for {node.label}: {fields}")

    problems = doc.check()
    if problems:
        lines += ["", "Check"]
        lines += [f"  {'!' if p.severity is Severity.ERROR else '-'} {p.message}" for p in problems]
    return "\n".join(lines)
