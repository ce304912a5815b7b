"""The competition file itself: one SQLite file per committee, event and stage.

``database`` opens it (WAL, synchronous=FULL, foreign keys), carries the schema, its
migrations and the hash-chained audit log; ``backup`` copies it with SQLite's backup API;
``connection`` is the plain sqlite3 connection with nested savepoints; ``pin`` hashes the
chief judge's PIN. Only ``actions/`` uses this folder.
"""
