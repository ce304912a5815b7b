"""The scoring desk: the PySide6 program a venue works in all day (DESIGN.md, UI.md)."""
