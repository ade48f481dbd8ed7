"""Component ids: every id the shell and the explore page use, defined once."""

# Shell
URL = "url"
SHELL = "shell"
PAGE_META = "page-meta"
LANG_TOGGLE = "lang-toggle"
ERROR_BANNER = "error-banner"  # shown when a callback fails (ui/errors.py)

# Explore page
STATE = "explore-state"
VIEW_STATE = "explore-view-state"
GRAPH = "explore-graph"
SEARCH = "explore-search"
SEARCH_HITS = "explore-search-hits"
HIT = "explore-hit"  # pattern-matching type: {"type": HIT, "iri": ...}
REL_LINK = "explore-rel-link"  # pattern-matching type: {"type": REL_LINK, "iri": ...}
REL_MORE = "explore-rel-more"  # pattern-matching type: {"type": REL_MORE, "key": relation group key}
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
DETAILS_SHOWN = "explore-details-shown"  # what the node details drawn now are of (ui.components.explore.details_key)
LEGEND = "explore-legend"

# Strategy → actors page
SA_META = "strategy-actors-meta"
SA_SHOWN = "strategy-actors-shown"  # the strategy whose actors the body shows now
SA_STRATEGY = "strategy-actors-strategy"
SA_BODY = "strategy-actors-body"
SA_GRAPH = "strategy-actors-graph"
# "Visa fler" under a long table or route list, one pattern-matching type per page:
# {"type": *_MORE, "table": name, "of": what it lists}; its rows {"type": *_MORE + ROWS, ...}, its count
# {"type": *_MORE + STATUS, ...}.
SA_MORE = "strategy-actors-more"
ROWS = "-rows"
STATUS_PART = "-status"

# Two actors page
TA_META = "two-actors-meta"
TA_A = "two-actors-a"
TA_B = "two-actors-b"
TA_SHARED = "two-actors-shared"
TA_PATHS = "two-actors-paths"
TA_SHARED_SHOWN = "two-actors-shared-shown"  # the pair ("A B") whose shared work the page shows now
TA_PATHS_SHOWN = "two-actors-paths-shown"  # the pair whose connections the page shows now
TA_GRAPH = "two-actors-graph"
TA_MORE = "two-actors-more"

# Collaboration network page
NET_META = "network-meta"
NET_MEASURE = "network-measure"
NET_BODY = "network-body"
NET_GRAPH = "network-graph"
NET_MORE = "network-more"

# Gaps page
GAPS_BODY = "gaps-body"
GAPS_META = "gaps-meta"
GAPS_MORE = "gaps-more"
NET_REPLY = "network-reply"
SOURCE = "explore-source"  # the explorer's filter by reply (issue 14)

# Compare page (/jamfor)
CMP_META = "compare-meta"
CMP_WHICH = "compare-which"
CMP_BODY = "compare-body"

# SPARQL page
SQ_EDITOR = "sparql-editor"  # the div the CodeMirror editor mounts on
SQ_TEXT = "sparql-text"  # dcc.Store: the editor's text, kept in sync by the editor
SQ_EXAMPLE = "sparql-example"
SQ_EXAMPLE_INFO = "sparql-example-info"
SQ_RUN = "sparql-run"
SQ_AUTORUN = "sparql-autorun"
SQ_RAN = "sparql-ran"  # dcc.Store: the text of the last run and the language (drives the URL and downloads)
SQ_STATUS = "sparql-status"
SQ_ERROR = "sparql-error"
SQ_ERROR_POS = "sparql-error-pos"  # dcc.Store: {"line", "column"} of the last error, for the editor
SQ_RESULT = "sparql-result"
SQ_TABLE = "sparql-table"
SQ_GRAPH = "sparql-graph"
SQ_CSV = "sparql-csv"
SQ_JSON = "sparql-json"
SQ_TTL = "sparql-ttl"
SQ_DOWNLOAD = "sparql-download"
SQ_SYNCED = "sparql-synced"  # dcc.Store: output of the editor's text-sync clientside callback
SQ_MARKED = "sparql-marked"  # dcc.Store: output of the editor's error-mark clientside callback

# Accessibility and feedback (issue 13): the explorer's extra controls and regions
DESELECT = "explore-deselect"
ANNOUNCE = "explore-announce"  # polite live region: what the selection is
LAST_VIEW = "explore-last-view"  # dcc.Store: the view part and node ids last drawn (to say what changed)
TWIN_SYNC = "explore-twin-sync"  # dcc.Store: output of the clientside callback marking the selected twin row

# Data page (spreadsheets in and out, edits, the review queue)
DATA_META = "data-meta"
DATA_TEMPLATE = "data-template"
DATA_TEMPLATE_DOWNLOAD = "data-template-download"
DATA_EXPORT = "data-export"
DATA_EXPORT_DOWNLOAD = "data-export-download"
DATA_UPLOAD = "data-upload"
DATA_PREVIEW = "data-preview"
DATA_CONFIRM = "data-confirm"
DATA_RESULT = "data-result"
DATA_WHY = "data-why"  # why an undo or a review decision is made (kept with it); the name is EDIT_WHO's
DATA_HISTORY = "data-history"  # the change history (graph.edit.history), newest first
DATA_HISTORY_RESULT = "data-history-result"  # polite live region: what an undo did
DATA_UNDO = "data-undo"  # pattern-matching type: {"type": DATA_UNDO, "id": change id}
DATA_REPLY_UPLOAD = "data-reply-upload"  # the next remiss reply (.txt or .pdf) → graph.ingest.review.queue_reply
DATA_REVIEW = "data-review"  # the review queue (graph.ingest.review.queue)
DATA_REVIEW_RESULT = "data-review-result"  # polite live region: what an upload, accept or reject did
DATA_REVIEW_ACCEPT = "data-review-accept"  # pattern-matching type: {"type": DATA_REVIEW_ACCEPT, "id": item id}
DATA_REVIEW_REJECT = "data-review-reject"  # pattern-matching type: {"type": DATA_REVIEW_REJECT, "id": item id}
DATA_REVIEW_LABEL = "data-review-label"  # pattern-matching type: an entity's label, corrected before accepting

# Editing in the explorer (issue 14; only with the allow_edits setting)
EDIT_PANEL = "explore-edit-panel"  # the sidebar section: who, undo, the live region
EDIT_WHO = "explore-edit-who"  # dcc.Store (storage_type="local"): the editor's name, kept in this browser
EDIT_WHO_INPUT = "explore-edit-who-input"
EDIT_UNDO = "explore-edit-undo"
EDIT_RESULT = "explore-edit-result"  # polite live region: what the last edit did, or why it failed
EDIT_FORM = "explore-edit-form"  # the form under a node's details
EDIT_WHY = "explore-edit-why"
EDIT_LANG = "explore-edit-lang"
EDIT_LABEL = "explore-edit-label"
EDIT_LABEL_SAVE = "explore-edit-label-save"
EDIT_ALIAS = "explore-edit-alias"
EDIT_ALIAS_OLD = "explore-edit-alias-old"  # which alias the alias field corrects ("new": add one)
EDIT_ALIAS_ADD = "explore-edit-alias-add"
EDIT_PREDICATE = "explore-edit-predicate"
EDIT_TARGET = "explore-edit-target"
EDIT_DOCUMENT = "explore-edit-document"
EDIT_QUOTE = "explore-edit-quote"
EDIT_START = "explore-edit-start"  # dcc.Store: the selected quote's start offset (filled by assets/edit.js)
EDIT_MODE = "explore-edit-mode"
EDIT_REASON_SV = "explore-edit-reason-sv"
EDIT_REASON_EN = "explore-edit-reason-en"
EDIT_RELATION_ADD = "explore-edit-relation-add"
EDIT_DELETE = "explore-edit-delete"  # pattern-matching type: {"type": EDIT_DELETE, "s", "p", "o"}
