"""The case model (Qt-free): people, services, households, relationships, the document and its edits."""
