"""Learning Hub Planner: plan city-to-city training programmes.

Nothing is imported here on purpose: the GUI's start-up time depends on loading
SQLAlchemy and reportlab only when they are first needed.
"""

__version__ = "0.1.0"
