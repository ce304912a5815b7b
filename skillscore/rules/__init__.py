"""The competition rules as pure functions (RULES.md): marks, totals, ranking, advancement,
certificates, awards, eligibility, judging panels, plus the figures computed from marks
(``statistics``) and the masking of personal data (``privacy``). No I/O, no clock, no
database: everything is given, everything is returned.
"""
