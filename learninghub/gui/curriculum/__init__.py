"""A curriculum's page: its title, years and description, shown when a curriculum is chosen in the tree."""
