"""What travels between desks and committees: the safe ZIP container (``safezip``), the
finalised results document and its fingerprint (``results``), handoff files written
(``handoff``) and read (``handoff_read``, ``handoff_schema``), desk files (``desk_file``)
and the organising committee's summary (``summary``). Nothing here opens a competition
file: building a stage from handoff files is an action (``actions/next_stage``).
"""
