"""Changes as values that know their inverse (see :mod:`.base`), one module per kind of data:
:mod:`.registrations`, :mod:`.attendance`, :mod:`.agenda`, :mod:`.seminars`, :mod:`.curricula`,
:mod:`.people`. What an inverse expects to find before it runs: :mod:`.expect`."""

from .base import Command, Done, Touched

__all__ = ["Command", "Done", "Touched"]
