"""The tabs and tables of the main window."""
