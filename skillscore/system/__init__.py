"""The operating system around the program: where the bundled resources and the user's
folders are, writing files so that nothing is half-written (and retried while another
program holds them), whether a path is a removable drive or a network share, the desk's
hold on its competition file (locks.py says why SQLite's own locks are not enough),
console output that never fails on encoding, and the log an unexpected error leaves.
Windows-only calls are injectable so they are tested on Linux.
"""
