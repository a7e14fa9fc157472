"""What each screen shows, read as one :class:`~..reading.Query` of independent statements.

A page is plain frozen dataclasses (no ORM objects escape the read), built by a fixed,
small number of statements whatever the size of the data: the screen asks for a page
with ``db.read(seminar_page(7))`` — one round trip to a server — and paints it.
"""
