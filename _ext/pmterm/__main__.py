"""``python -m pmterm``: authors' commands (see :mod:`pmterm.newterm`)."""

from __future__ import annotations

import sys

from .newterm import main

sys.exit(main())
