"""Dialogs: PIN, new competition, operator, import preview, tie order."""
