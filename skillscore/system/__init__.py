"""The operating system: resource and user folders, safe writes, drive types, console."""
