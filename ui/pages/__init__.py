"""The pages and HTTP route modules of the app; each adds itself with one line (see :mod:`ui`)."""

from graph.http import endpoint as http
from ui.components import presentation
from ui.pages import explore, gaps, network, sparql, strategy_actors, two_actors

PAGE_MODULES: list = [explore]
PAGE_MODULES.append(strategy_actors)
PAGE_MODULES.append(two_actors)
PAGE_MODULES.append(network)
PAGE_MODULES.append(gaps)
PAGE_MODULES.append(sparql)
ROUTE_MODULES: list = [http]
ROUTE_MODULES.append(presentation)  # /v/<id>, /qr.svg and saving views (issue 13)
