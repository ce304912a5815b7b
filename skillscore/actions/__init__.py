"""The one door: ``Competition(path)`` and the actions behind it.

Every user action (an import, a typed mark, a tie decision, finalising, a merge of desk
files, the next stage built from handoff files) is one method of ``Competition``; the
desk (``ui/``) and the command line (``cli/``) call nothing else that writes the file.
The methods live in one module per area (entry, decisions, guard, safety, double entry,
panel, desks) mixed into the facade; see docs/ARCHITECTURE.md for why mixins.
"""
