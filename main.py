"""Launch the Learning Hub Planner desktop app: ``python main.py [--db PATH_OR_URL]``.

The same as ``learninghub [--db PATH_OR_URL] gui``.
"""

import sys

from learninghub.cli import main

if __name__ == "__main__":
    sys.exit(main([*sys.argv[1:], "gui"]))
