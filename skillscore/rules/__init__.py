"""The competition rules as pure functions (RULES.md). No I/O, no clock, no database."""
