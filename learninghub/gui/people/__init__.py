"""People: the directory (filter as you type over 100,000 people) and the person dialog."""
