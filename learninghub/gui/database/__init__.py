"""The database as a whole: open, new, connect to a server, backup and restore, import and export."""
