"""The operating system around the program: where the bundled resources and the user's
folders are, writing files so that nothing is half-written, whether a path is a removable
drive or a network share. Windows-only calls are injectable so they are tested on Linux.
"""
