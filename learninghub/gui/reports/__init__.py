"""The Reports view: the outcome report of a curriculum (some years) or a seminar, its figures and charts."""
