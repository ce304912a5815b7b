"""Personal data on anything a stranger can see: public sheets, the projector, screenshots.

An ID number (居民身份证号码) is shown as its first 6 digits (the issuing region) and last
4 (three sequence digits and the check character), the rest starred: enough for a
contestant to recognise their own line, not enough to reconstruct the number (the birth
date sits in the starred middle). Phone numbers are never shown at all, so there is no
helper for them here on purpose.
"""

from __future__ import annotations

ID_SHOWN_HEAD = 6
ID_SHOWN_TAIL = 4


def mask_id(id_number: str | None) -> str:
    """'110101199003071234' → '110101********1234'. Short or odd values are starred whole.

    A value too short to keep 6 + 4 characters and still hide something is not a valid
    ID number anyway; starring all of it is the safe side.
    """
    if not id_number:
        return ""
    text = str(id_number).strip()
    hidden = len(text) - ID_SHOWN_HEAD - ID_SHOWN_TAIL
    if hidden < 4:
        return "*" * len(text)
    return text[:ID_SHOWN_HEAD] + "*" * hidden + text[-ID_SHOWN_TAIL:]
