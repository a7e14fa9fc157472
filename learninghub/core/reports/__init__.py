"""Reports over many seminars: figures computed in the database, for documents and spreadsheets (no Qt)."""
