"""Printed documents (PDF agendas and programmes), built from plain values the
services hand over; no Qt here, and reportlab is imported only when printing.

Notes (such as characters no font has) go to the ``learninghub.documents`` logger;
it has a NullHandler, as a library's should, so a program decides where they show.
"""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
