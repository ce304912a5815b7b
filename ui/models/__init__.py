"""Qt models: thin adapters over lists of row objects (DESIGN.md)."""
