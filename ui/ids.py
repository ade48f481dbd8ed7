"""Component ids: every id the shell and the explore page use, defined once."""

# Shell
URL = "url"
SHELL = "shell"
PAGE_META = "page-meta"
LANG_TOGGLE = "lang-toggle"

# Explore page
STATE = "explore-state"
VIEW_STATE = "explore-view-state"
GRAPH = "explore-graph"
SEARCH = "explore-search"
SEARCH_HITS = "explore-search-hits"
HIT = "explore-hit"  # pattern-matching type: {"type": HIT, "iri": ...}
REL_LINK = "explore-rel-link"  # pattern-matching type: {"type": REL_LINK, "iri": ...}
GOALS = "explore-goals"
KINDS = "explore-kinds"
LAYOUT = "explore-layout"
DEPTH = "explore-depth"
FOCUS = "explore-focus"
UNFOCUS = "explore-unfocus"
EXPAND = "explore-expand"
COLLAPSE = "explore-collapse"
EXPORT_PNG = "explore-export-png"
EXPORT_SVG = "explore-export-svg"
STATUS = "explore-status"
DETAILS = "explore-details"
LEGEND = "explore-legend"

# Strategy → actors page
SA_META = "strategy-actors-meta"
SA_STRATEGY = "strategy-actors-strategy"
SA_BODY = "strategy-actors-body"
SA_GRAPH = "strategy-actors-graph"

# Two actors page
TA_META = "two-actors-meta"
TA_A = "two-actors-a"
TA_B = "two-actors-b"
TA_SHARED = "two-actors-shared"
TA_PATHS = "two-actors-paths"
TA_GRAPH = "two-actors-graph"

# Collaboration network page
NET_META = "network-meta"
NET_MEASURE = "network-measure"
NET_BODY = "network-body"
NET_GRAPH = "network-graph"

# Gaps page
GAPS_BODY = "gaps-body"
GAPS_META = "gaps-meta"
