"""The main window: the programme tree, the page on the right, menus, preferences, the language switch."""
