"""Bringing people in from spreadsheets (CSV in any common encoding, XLSX), all rows or none.

No Qt here: the CLI (``learninghub import people``) and the app's import wizard both call
these functions. The steps, one module each: :mod:`.reading` (bytes → table of text),
:mod:`.headers` (which column is which field), :mod:`.checking` (each row against the
rules), :mod:`.planning` (create / update / skip / register, reads only) and
:mod:`.applying` (the plan carried out in one transaction).
"""

from __future__ import annotations

from .applying import ImportRefused, apply_plan, import_people, import_table
from .checking import Candidate, Problem, check_rows
from .headers import FIELDS, apply_overrides, check_mapping, guess_mapping, parse_overrides
from .planning import ImportPlan, RowPlan, plan_import
from .reading import Table, read_table

__all__ = [
    "FIELDS", "Candidate", "ImportPlan", "ImportRefused", "Problem", "RowPlan", "Table", "apply_overrides",
    "apply_plan", "check_mapping", "check_rows", "guess_mapping", "import_people", "import_table", "parse_overrides",
    "plan_import", "read_table",
]
