"""What travels between desks and committees: safe ZIP container, handoff files, desk files, summary."""
