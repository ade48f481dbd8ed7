"""``python -m graph.cli``: the ``fardplan`` command."""

import sys

from graph.cli.main import main

sys.exit(main())
