"""The GEDCOM extension tags Circles writes, with the URIs that give them their meaning.

GEDCOM 7 lets a file use its own tags (starting with ``_``) when its header declares each one with
a URI (``1 SCHMA`` / ``2 TAG _SERVICE <uri>``). A tag means what this module says only when the
file declares it with *our* URI: a ``_SERVICE`` from another program, or one in a 5.5.1 file with
no SCHMA, is someone else's and is ignored. docs/gedcom-extensions.md describes every tag.

The URIs sit under ``.invalid`` (RFC 2606), which can never be anyone's real address, until the
project publishes its documentation at a URL of its own; only :data:`BASE_URI` would change.
"""

from __future__ import annotations

BASE_URI = "https://circles-desktop.invalid/gedcom/v1/"

# The EXID.TYPE of a Circles identifier (EXID is standard GEDCOM 7: "an identifier maintained by
# an external authority"), so a case read back keeps the ids it was written with.
ID_TYPE = BASE_URI + "id"

TAGS: tuple[str, ...] = (
    # the case, in HEAD
    "_CASE", "_REFERENCE", "_SUMMARY", "_AUTHOR", "_TEAM", "_MEETINGS",
    # records with no GEDCOM equivalent
    "_SERVICE", "_HOUSEHOLD", "_MEMBER", "_CATEGORY", "_CONTACT_PERSON", "_LANGUAGE_OFFER",
    # any node
    "_CONFIDENTIAL_FIELD", "_POSITION", "_X", "_Y", "_CIRCLE", "_SECTOR", "_CONTACT",
    # people
    "_APPROX_AGE", "_PREGNANCY", "_LANGUAGE", "_INTERPRETER", "_IDENTITY", "_STRENGTH", "_WORRY",
    "_WISHES", "_ROLE", "_TWIN_GROUP", "_IDENTICAL_TWIN", "_MUST_NOT_INVITE", "_MUST_NOT_BE_TOLD",
    "_SAFETY_REASON",
    # relationships, exactly as Circles holds them
    "_PARTNERSHIP", "_PARENT", "_EMOTIONAL", "_ECOMAP", "_START", "_END", "_RESPONSIBILITY",
    "_TIE_STRENGTH", "_STRESSFUL", "_FLOW", "_FREQUENCY", "_SUPPORT",
)

URIS: dict[str, str] = {tag: BASE_URI + tag[1:].lower().replace("_", "-") for tag in TAGS}
_BY_URI = {uri: tag for tag, uri in URIS.items()}


def known_extensions(schema: dict[str, str]) -> dict[str, str]:
    """The file's extension tags that carry Circles' meaning, to the names this package uses."""
    return {tag: _BY_URI[uri] for tag, uri in schema.items() if uri in _BY_URI}
