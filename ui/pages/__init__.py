"""The pages and HTTP route modules of the app; each adds itself with one line (see :mod:`ui`)."""

from . import explore

PAGE_MODULES: list = [explore]
ROUTE_MODULES: list = []
