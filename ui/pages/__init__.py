"""The pages and HTTP route modules of the app; each adds itself with one line (see :mod:`ui`)."""

from graph import http

from .. import presentation
from . import data, explore, gaps, network, sparql, strategy_actors, two_actors

PAGE_MODULES: list = [explore]
PAGE_MODULES.append(strategy_actors)
PAGE_MODULES.append(two_actors)
PAGE_MODULES.append(network)
PAGE_MODULES.append(gaps)
PAGE_MODULES.append(sparql)
PAGE_MODULES.append(data)  # spreadsheets in and out (issue 14)
ROUTE_MODULES: list = [http]
ROUTE_MODULES.append(presentation)  # /v/<id>, /qr.svg and saving views (issue 13)
