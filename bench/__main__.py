"""``python -m bench``: see :mod:`bench.run`."""

from bench.run import main

__all__: list[str] = []

raise SystemExit(main())
