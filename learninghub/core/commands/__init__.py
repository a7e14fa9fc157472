"""Changes as values that know their inverse (see :mod:`.base`), one module per kind of data."""

from .base import Command, Done, Touched

__all__ = ["Command", "Done", "Touched"]
