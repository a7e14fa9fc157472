"""``python -m learninghub``: the command line."""

from learninghub.cli import main

raise SystemExit(main())
