"""skillscore: the scoring core of the Beijing Workers' Vocational Skills Competition.

Nothing in this package imports Qt (DESIGN.md); the GUI lives in ``ui/``.
"""

__version__ = "0.1.0"
COMPETITION_NAME = "2025年北京市职工职业技能大赛"
