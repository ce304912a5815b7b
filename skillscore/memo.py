"""``Memo(make)``: a dict that makes a value the first time its key is asked for.

For the per-row work of rankings and sheets, where a few thousand distinct values (marks,
words, levels) recur over 10,000 rows: a subscript that hits costs no Python call, unlike
``functools.lru_cache``, and the memo lives as long as the one text or sheet it serves.
"""

from __future__ import annotations


class Memo(dict):
    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value
