"""Every UI string in Swedish (the default) and English, in one place so that translations stay complete."""

from __future__ import annotations

from graph.vocab.kinds import KIND_TABLE

__all__ = ["LANGS", "TEXT", "KIND_NAMES", "lang_or_default", "t", "number", "kind_name"]

LANGS = ("sv", "en")

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"sv": "Färdplan Explorer", "en": "Färdplan Explorer"},
    # Accessibility, keyboard and honest feedback (issue 13, helper A)
    "a11y_main_nav": {"sv": "Sidor", "en": "Pages"},
    "a11y_sidebar": {"sv": "Sök och filter", "en": "Search and filters"},
    "a11y_details": {"sv": "Detaljer om det valda", "en": "Details of the selection"},
    "a11y_graph_area": {"sv": "Grafen", "en": "The graph"},
    "explore_h1": {"sv": "Utforska Färdplanen", "en": "Explore the roadmap"},
    "deselect": {"sv": "Avmarkera", "en": "Clear selection"},
    "need_selection": {"sv": "Välj en nod först (i grafen, i tabellen eller via sök)",
                       "en": "Select a node first (in the graph, the table or by search)"},
    "status_scope": {"sv": "{n} i urvalet", "en": "{n} in scope"},
    "announce_selected": {"sv": "{label} vald: {n} relationer", "en": "{label} selected: {n} relations"},
    "announce_selected_view": {"sv": "{label} vald: {n} relationer, {shown} syns i grafen",
                               "en": "{label} selected: {n} relations, {shown} drawn in the graph"},
    "announce_cleared": {"sv": "Ingen nod vald", "en": "No node selected"},
    "fb_focus": {"sv": "Fokus på {label}: {n} noder inom {k} steg",
                 "en": "Focused on {label}: {n} nodes within {k} hops"},
    "fb_unfocus": {"sv": "Fokus borttaget: {n} noder visas", "en": "Focus removed: {n} nodes shown"},
    "fb_expand": {"sv": "Visa grannar till {label}: {added} noder tillagda",
                  "en": "Expanded {label}: {added} nodes added"},
    "fb_expand_none": {"sv": "Visa grannar till {label}: alla {n} grannar visas redan",
                       "en": "Expand {label}: all its {n} neighbours are already shown"},
    "fb_collapse": {"sv": "Dölj grannar till {label}: {removed} noder dolda",
                    "en": "Collapsed {label}: {removed} nodes hidden"},
    "fb_collapse_none": {"sv": "Dölj grannar till {label}: inga grannar att dölja",
                         "en": "Collapse {label}: no neighbours to hide"},
    "fb_view": {"sv": "Vyn uppdaterad: {shown} noder visas", "en": "View updated: {shown} nodes shown"},
    "twin_caption": {"sv": "Grafens noder som tabell ({n})", "en": "The graph's nodes as a table ({n})"},
    "twin_name": {"sv": "Namn", "en": "Name"},
    "twin_type": {"sv": "Typ", "en": "Type"},
    "twin_relations": {"sv": "Relationer i grafen", "en": "Relations in the graph"},
    "twin_sort": {"sv": "Sortera efter {col}", "en": "Sort by {col}"},
    "twin_help": {"sv": "Tabellen visar samma noder som grafen. Upp- och nedpil flyttar mellan raderna, "
                        "Enter väljer noden, Escape avmarkerar.",
                  "en": "The table shows the same nodes as the graph. Up and down arrows move between rows, "
                        "Enter selects the node, Escape clears the selection."},
    "graph_keys": {"sv": "Graf. Piltangenterna flyttar till grannen åt det hållet, Enter väljer, Escape avmarkerar. "
                         "Samma noder finns i tabellen.",
                   "en": "Graph. Arrow keys move to the neighbour in that direction, Enter selects, Escape clears. "
                         "The same nodes are in the table."},
    "graph_cursor": {"sv": "{label} ({kind}): {n} grannar. Enter väljer.",
                     "en": "{label} ({kind}): {n} neighbours. Enter selects."},
    "graph_selected_js": {"sv": "{label} vald: {n} relationer i grafen",
                          "en": "{label} selected: {n} relations in the graph"},
    "pl_actor_split": {"sv": "{direct} direkt, {via} via projekt ({n} aktörer når strategin).",
                       "en": "{direct} directly, {via} through projects ({n} actors reach the strategy)."},
    "tagline": {"sv": "Färdplan för ett Stockholm för alla", "en": "Roadmap for a Stockholm for All"},
    "other_lang": {"sv": "English", "en": "Svenska"},
    "search": {"sv": "Sök", "en": "Search"},
    "search_placeholder": {"sv": "t.ex. polis, skarpnäck, DT.VI", "en": "e.g. police, skarpnäck, DT.VI"},
    "no_hits": {"sv": "Inga träffar", "en": "No matches"},
    "goal_areas": {"sv": "Målområden", "en": "Goal areas"},
    "node_types": {"sv": "Nodtyper", "en": "Node types"},
    "layout": {"sv": "Layout", "en": "Layout"},
    "layout_force": {"sv": "Kraftlayout", "en": "Force layout"},
    "layout_hierarchy": {"sv": "Hierarki", "en": "Hierarchy"},
    "layout_concentric": {"sv": "Koncentrisk per målområde", "en": "Concentric by goal area"},
    "depth": {"sv": "Fokusdjup (steg)", "en": "Focus depth (hops)"},
    "export": {"sv": "Exportera vyn", "en": "Export the view"},
    "legend": {"sv": "Teckenförklaring", "en": "Legend"},
    "stated": {"sv": "Uttryckligt i källan", "en": "Stated in the source"},
    "interpreted": {"sv": "Tolkning", "en": "Interpretation"},
    "group_legend": {"sv": "Grupp – klicka för att visa", "en": "Group – click to show"},
    "focus": {"sv": "Fokusera", "en": "Focus"},
    "unfocus": {"sv": "Visa allt", "en": "Show all"},
    "expand": {"sv": "Visa grannar", "en": "Expand"},
    "collapse": {"sv": "Dölj grannar", "en": "Collapse"},
    "status": {"sv": "Visar {shown} av {total} noder", "en": "Showing {shown} of {total} nodes"},
    "status_focus": {"sv": "Fokus: {label} ({k} steg)", "en": "Focus: {label} ({k} hops)"},
    "status_groups": {"sv": "{n} i grupper", "en": "{n} in groups"},
    "details_empty": {"sv": "Välj en nod eller en relation i grafen för att se detaljer och källor.",
                      "en": "Select a node or a relation in the graph to see details and sources."},
    "source": {"sv": "Källa", "en": "Source"},
    "sources": {"sv": "Källor", "en": "Sources"},
    "relations": {"sv": "Relationer", "en": "Relations"},
    "rel_shown": {"sv": "Visar {shown} av {count}", "en": "Showing {shown} of {count}"},
    "rel_order_degree": {"sv": "mest kopplade först", "en": "most connected first"},
    "rel_order_notation": {"sv": "i kodordning", "en": "in code order"},
    "show_more": {"sv": "Visa fler ({n})", "en": "Show more ({n})"},
    "rel_all_sparql": {"sv": "Alla {count} som tabell (SPARQL)", "en": "All {count} as a table (SPARQL)"},
    "facts": {"sv": "Uppgifter", "en": "Facts"},
    "also_called": {"sv": "Även kallad", "en": "Also called"},
    "reason": {"sv": "Skäl", "en": "Reason"},
    "chars": {"sv": "tecken {start}–{end}", "en": "characters {start}–{end}"},
    "sheet_row": {"sv": "kalkylarket {file}, bladet {sheet}, rad {row}",
                  "en": "spreadsheet {file}, sheet {sheet}, row {row}"},
    "no_source": {"sv": "Ingen källpassage angiven.", "en": "No source passage given."},
    "restored_reading": {"sv": "Återställd läsning (å, ä, ö tillagda; källan ovan är oförändrad)",
                         "en": "Restored reading (å, ä, ö put back; the source above is unchanged)"},
    "relation": {"sv": "Relation", "en": "Relation"},
    "not_found": {"sv": "Noden finns inte i grafen.", "en": "The node is not in the graph."},
    # Editing in the explorer (issue 14, with --allow-edits)
    "edit_panel": {"sv": "Redigering", "en": "Editing"},
    "edit_who": {"sv": "Ditt namn (sparas i den här webbläsaren)", "en": "Your name (kept in this browser)"},
    "edit_undo": {"sv": "Ångra senaste ändringen", "en": "Undo the last change"},
    "edit_note": {"sv": "Varje ändring sparas i historiken med namn, tid och skäl och kan ångras.",
                  "en": "Every change is kept in the history with name, time and reason, and can be undone."},
    "edit_form": {"sv": "Redigera", "en": "Edit"},
    "edit_why": {"sv": "Varför ändrar du? (sparas med ändringen)", "en": "Why the change? (kept with it)"},
    "edit_labels": {"sv": "Namn", "en": "Names"},
    "edit_lang": {"sv": "Språk", "en": "Language"},
    "edit_lang_sv": {"sv": "svenska", "en": "Swedish"},
    "edit_lang_en": {"sv": "engelska", "en": "English"},
    "edit_label": {"sv": "Etikett", "en": "Label"},
    "edit_label_save": {"sv": "Spara etiketten", "en": "Save the label"},
    "edit_alias": {"sv": "Alternativt namn", "en": "Alias"},
    "edit_alias_add": {"sv": "Spara namnet", "en": "Save the alias"},
    "edit_alias_which": {"sv": "Vilket alternativt namn", "en": "Which alias"},
    "edit_alias_new": {"sv": "Ett nytt (på valt språk)", "en": "A new one (in the chosen language)"},
    "edit_alias_help": {"sv": "Välj ett befintligt namn för att rätta det; lämna fältet tomt för att ta bort det.",
                        "en": "Choose an existing alias to correct it; leave the field empty to remove it."},
    "edit_relation": {"sv": "Ny relation från den här noden", "en": "New relation from this node"},
    "edit_predicate": {"sv": "Relation", "en": "Relation"},
    "edit_target": {"sv": "Till nod (namn, kod eller IRI)", "en": "To node (name, code or IRI)"},
    "edit_document": {"sv": "Källdokument", "en": "Source document"},
    "edit_no_document": {"sv": "Ingen – fri text", "en": "None – free text"},
    "edit_quote": {"sv": "Källtext", "en": "Source text"},
    "edit_quote_help": {"sv": "Markera text i ett citat ovan så fylls dokument och text i, eller skriv citatet. "
                              "Utan dokument sparas texten som en fritextkälla.",
                        "en": "Select text in a quote above to fill in document and text, or type the quote. "
                              "Without a document the text is kept as a free-text source."},
    "edit_mode": {"sv": "Grund", "en": "Basis"},
    "edit_reason_sv": {"sv": "Motivering på svenska (för en tolkning)",
                       "en": "Reason in Swedish (for an interpretation)"},
    "edit_reason_en": {"sv": "Motivering på engelska (för en tolkning)",
                       "en": "Reason in English (for an interpretation)"},
    "edit_relation_add": {"sv": "Lägg till relationen", "en": "Add the relation"},
    "edit_delete": {"sv": "Ta bort", "en": "Delete"},
    "edit_delete_label": {"sv": "Ta bort relationen {what}", "en": "Delete the relation {what}"},
    "edit_done": {"sv": "Sparat: {what}", "en": "Saved: {what}"},
    "edit_failed": {"sv": "Inte sparat: {error}", "en": "Not saved: {error}"},
    "edit_off": {"sv": "Redigering är avstängd i den här utforskaren", "en": "Editing is off in this explorer"},
    "edit_shape": {"sv": "Ändringen bryter mot grafens regler (SHACL)", "en": "The change breaks the graph's rules "
                                                                          "(SHACL)"},
    "edit_missing": {"sv": "Noden finns inte", "en": "No such node"},
    "edit_conflict": {"sv": "Ändringen krockar med grafen som den är nu", "en": "The change conflicts with the graph "
                                                                             "as it is now"},
    "edit_invalid": {"sv": "Kontrollera uppgifterna", "en": "Check the fields"},
    # Collaboration analytics pages (strategy → actors, two actors, network, gaps)
    "pl_show_sparql": {"sv": "Visa SPARQL", "en": "Show SPARQL"},
    "pl_sparql_note": {"sv": "Frågan som vyn bygger på, körbar som den står "
                              "(fardplan query, eller länken till /sparql).",
                       "en": "The query this view is built from, runnable as it stands "
                              "(fardplan query, or the /sparql link)."},
    "pl_as_table": {"sv": "Som tabell", "en": "As a table"},
    "pl_run_sparql": {"sv": "Kör på /sparql (JSON)", "en": "Run on /sparql (JSON)"},
    "pl_choose_strategy": {"sv": "Välj en strategi", "en": "Choose a strategy"},
    "pl_choose_actors": {"sv": "Välj två aktörer", "en": "Choose two actors"},
    "pl_actor_a": {"sv": "Aktör A", "en": "Actor A"},
    "pl_actor_b": {"sv": "Aktör B", "en": "Actor B"},
    "pl_strategy_intro": {"sv": "Vilka aktörer arbetar med strategin – direkt eller genom projekt – och var står det?",
                          "en": "Which actors work on the strategy – directly or through projects – "
                                 "and where is it said?"},
    "pl_two_intro": {"sv": "Vad två aktörer delar, och de kortaste kopplingarna mellan dem, steg för steg med källa.",
                     "en": "What two actors share, and the shortest connections between them, "
                            "step by step with sources."},
    "pl_network_intro": {"sv": "Vem arbetar med vem: aktörer som delar projekt eller uttryckligen samverkar. "
                               "Linjens bredd = antal gemensamma projekt (+1 för uttalad samverkan); "
                               "färg = grupp som samverkar tätt. Att dela en strategi visas under Strategi → aktörer.",
                         "en": "Who works with whom: actors sharing projects or collaborating explicitly. "
                               "Line width = number of projects shared (+1 for a stated collaboration); "
                               "colour = a group that works closely together. Sharing a strategy is shown under "
                               "Strategy → actors."},
    "pl_gaps_intro": {"sv": "Var saknas projekt eller aktörer? Täckning per målområde och strategier som ingen når.",
                      "en": "Where are projects or actors missing? "
                             "Coverage per goal area and strategies nobody reaches."},
    "pl_actor": {"sv": "Aktör", "en": "Actor"},
    "pl_type": {"sv": "Typ", "en": "Type"},
    "pl_how": {"sv": "Hur", "en": "How"},
    "pl_routes": {"sv": "Vägar, steg för steg", "en": "Routes, step by step"},
    "pl_direct": {"sv": "Direkt", "en": "Directly"},
    "pl_via": {"sv": "Via", "en": "Via"},
    "pl_actor_count": {"sv": "{n} aktörer når strategin: {direct} direkt, {via} via projekt.",
                       "en": "{n} actors reach the strategy: {direct} directly, {via} through projects."},
    "pl_no_actors": {"sv": "Ingen aktör når strategin.", "en": "No actor reaches the strategy."},
    "pl_actors_caption": {"sv": "Aktörer som når {strategy}, och hur", "en": "Actors reaching {strategy}, and how"},
    "pl_graph_label": {"sv": "Graf: {what}. Samma innehåll finns i tabellen.",
                       "en": "Graph: {what}. The table holds the same content."},
    "pl_show_source": {"sv": "Visa källa", "en": "Show source"},
    "pl_open_in_explorer": {"sv": "Öppna i utforskaren", "en": "Open in the explorer"},
    "pl_shared_title": {"sv": "Vad de delar", "en": "What they share"},
    "pl_weight": {"sv": "Gemensamma projekt: {projects} (arbete tillsammans). Gemensamma strategier: {strategies} "
                        "(samma mål, inte nödvändigtvis samarbete).",
                  "en": "Shared projects: {projects} (joint work). Shared strategies: {strategies} "
                        "(a common aim, not necessarily joint work)."},
    "pl_shared_projects": {"sv": "Gemensamma projekt", "en": "Shared projects"},
    "pl_shared_strategies": {"sv": "Gemensamma strategier", "en": "Shared strategies"},
    "pl_nothing_shared": {"sv": "De delar inga projekt eller strategier.",
                          "en": "They share no projects or strategies."},
    "pl_connections": {"sv": "Kortaste kopplingar ({n} steg)", "en": "Shortest connections ({n} steps)"},
    "pl_no_connection": {"sv": "Ingen koppling hittades.", "en": "No connection was found."},
    "pl_path": {"sv": "Koppling {i}", "en": "Connection {i}"},
    "pl_step": {"sv": "Steg", "en": "Step"},
    "pl_from": {"sv": "Från", "en": "From"},
    "pl_to": {"sv": "Till", "en": "To"},
    "pl_mode": {"sv": "Grund", "en": "Basis"},
    "pl_measure": {"sv": "Nodstorlek", "en": "Node size"},
    "pl_weighted_degree": {"sv": "Viktad grad (summa av samverkansvikter)",
                           "en": "Weighted degree (sum of collaboration weights)"},
    "pl_betweenness": {"sv": "Mellanhandsroll (betweenness)", "en": "Brokerage (betweenness)"},
    "pl_network_status": {"sv": "{actors} aktörer, {edges} samverkanslänkar, {communities} grupper",
                          "en": "{actors} actors, {edges} collaboration links, {communities} groups"},
    "pl_network_cut": {"sv": "visar de starkaste {actors} av {total_actors} aktörer "
                              "och {edges} av {total_edges} länkar",
                       "en": "showing the strongest {actors} of {total_actors} actors "
                              "and {edges} of {total_edges} links"},
    "pl_network_nodes_caption": {"sv": "Aktörer i samverkansnätverket", "en": "Actors in the collaboration network"},
    "pl_network_edges_caption": {"sv": "Samverkanslänkar (vikt = antal gemensamma projekt och strategier)",
                                 "en": "Collaboration links (weight = number of shared projects and strategies)"},
    "pl_rank": {"sv": "Rang", "en": "Rank"},
    "pl_community": {"sv": "Grupp", "en": "Group"},
    "pl_weight_col": {"sv": "Vikt", "en": "Weight"},
    "pl_degree_col": {"sv": "Viktad grad", "en": "Weighted degree"},
    "pl_between_col": {"sv": "Betweenness", "en": "Betweenness"},
    "pl_coverage_caption": {"sv": "Täckning per målområde", "en": "Coverage per goal area"},
    "pl_goal_area": {"sv": "Målområde", "en": "Goal area"},
    "pl_strategies": {"sv": "Strategier", "en": "Strategies"},
    "pl_strategy": {"sv": "Strategi", "en": "Strategy"},
    "pl_with_projects": {"sv": "Med projekt", "en": "With projects"},
    "pl_with_actors": {"sv": "Med aktörer", "en": "With actors"},
    "pl_without_projects": {"sv": "Strategier utan projekt", "en": "Strategies without projects"},
    "pl_without_actors": {"sv": "Strategier utan aktörer", "en": "Strategies without actors"},
    "pl_single_strategy": {"sv": "Aktörer som bara når en strategi", "en": "Actors reaching only one strategy"},
    "pl_total": {"sv": "Totalt", "en": "Total"},
    "pl_none": {"sv": "Inga", "en": "None"},
    "pl_same_actor": {"sv": "Välj två olika aktörer.", "en": "Choose two different actors."},
    # Long tables and route lists come a page at a time (issue 13: fast enough for a live room)
    "pl_showing": {"sv": "Visar {shown} av {total}", "en": "Showing {shown} of {total}"},
    "pl_show_more": {"sv": "Visa fler", "en": "Show more"},
    "pl_show_more_label": {"sv": "Visa fler: {what}", "en": "Show more: {what}"},
    "pl_routes_of": {"sv": "vägar för {name}", "en": "routes of {name}"},
    "pl_graph_cut": {"sv": "Grafen visar {shown} av {total} aktörer (de mest engagerade) inom gränsen på {max} "
                           "element; tabellen listar alla.",
                     "en": "The graph shows {shown} of {total} actors (the most engaged) within the limit of {max} "
                           "elements; the table lists them all."},
    "pl_and_more": {"sv": "… och {n} till", "en": "… and {n} more"},
    # SPARQL page
    "sq_intro": {"sv": "Ställ egna frågor till grafen med SPARQL, eller börja från ett exempel. Frågan hamnar i "
                       "adressen, så länken går att dela. Maskiner frågar på /sparql (SPARQL 1.1 Protocol).",
                 "en": "Ask the graph your own questions in SPARQL, or start from an example. The query goes into "
                       "the address, so the link can be shared. Machines ask /sparql (SPARQL 1.1 Protocol)."},
    "sq_examples": {"sv": "Exempelfrågor", "en": "Example queries"},
    "sq_pick_example": {"sv": "Välj ett exempel …", "en": "Choose an example …"},
    "sq_editor_label": {"sv": "SPARQL-fråga", "en": "SPARQL query"},
    "sq_run": {"sv": "Kör", "en": "Run"},
    "sq_run_hint": {"sv": "Ctrl+Enter kör frågan", "en": "Ctrl+Enter runs the query"},
    "sq_download": {"sv": "Ladda ner", "en": "Download"},
    "sq_rows": {"sv": "{n} rader", "en": "{n} rows"},
    "sq_one_row": {"sv": "1 rad", "en": "1 row"},
    "sq_triples": {"sv": "{n} tripplar", "en": "{n} triples"},
    "sq_time": {"sv": "{ms} ms", "en": "{ms} ms"},
    "sq_truncated": {"sv": "avkortat vid högst {max} rader", "en": "cut at the limit of {max} rows"},
    "sq_graph_note": {"sv": "grafen visar {shown} av {total} tripplar (högst {max} element); "
                            "tabellen visar dem som ritas",
                      "en": "the graph shows {shown} of {total} triples (at most {max} elements); "
                            "the table lists the drawn ones"},
    "sq_true": {"sv": "Ja (true)", "en": "Yes (true)"},
    "sq_false": {"sv": "Nej (false)", "en": "No (false)"},
    "sq_err_syntax": {"sv": "Syntaxfel på rad {line}, kolumn {column}",
                      "en": "Syntax error at line {line}, column {column}"},
    "sq_err_refused": {"sv": "Frågan tillåts inte (rad {line}, kolumn {column})",
                       "en": "The query is not allowed (line {line}, column {column})"},
    "sq_err_timeout": {"sv": "Frågan stoppades vid tidsgränsen", "en": "The query was stopped at the time limit"},
    "sq_err_query": {"sv": "Frågan kunde inte köras", "en": "The query could not run"},
    "sq_err_store": {"sv": "Databasen svarar inte som väntat", "en": "The store did not answer as expected"},
    "sq_err_empty": {"sv": "Skriv en fråga först", "en": "Write a query first"},
    "sq_err_too_large": {"sv": "Svaret blev för stort (minnes- eller storleksgränsen)",
                         "en": "The answer was too large (the memory or size limit)"},
    "sq_err_download": {"sv": "Hämtningen misslyckades", "en": "The download failed"},
    "sq_no_rows": {"sv": "Inga rader.", "en": "No rows."},
    "sq_filter": {"sv": "filtrera …", "en": "filter …"},
    "sq_not_run": {"sv": "Kör frågan för att se svaret.", "en": "Run the query to see the answer."},
    # --- presentation mode (issue 13, helper B)
    "pr_present": {"sv": "Presentation", "en": "Presentation"},
    "pr_exit": {"sv": "Avsluta presentation", "en": "Leave presentation"},
    "pr_views": {"sv": "Sparade vyer", "en": "Saved views"},
    "pr_no_views": {"sv": "Inga sparade vyer (fardplan views add)", "en": "No saved views (fardplan views add)"},
    "pr_prev": {"sv": "Föregående vy", "en": "Previous view"},
    "pr_next": {"sv": "Nästa vy", "en": "Next view"},
    "pr_qr": {"sv": "QR-kod", "en": "QR code"},
    "pr_qr_alt": {"sv": "QR-kod till den här vyn", "en": "QR code to this view"},
    "pr_follow": {"sv": "Följ på mobilen", "en": "Follow on your phone"},
    "pr_save": {"sv": "Spara vy", "en": "Save view"},
    "pr_save_name": {"sv": "Namn på vyn", "en": "Name of the view"},
    "pr_save_caption": {"sv": "Bildtext", "en": "Caption"},
    "pr_saved": {"sv": "Sparad: {name}", "en": "Saved: {name}"},
    "pr_step": {"sv": "Vy {i} av {n}", "en": "View {i} of {n}"},
    "pr_keys": {"sv": "← → byter vy · Esc avslutar", "en": "← → change view · Esc leaves"},
    "pr_brief": {"sv": "Underlag (PDF)", "en": "Brief (PDF)"},
    "pr_brief_html": {"sv": "Underlag (HTML)", "en": "Brief (HTML)"},
    # Data page (/data): spreadsheets in and out
    "dt_intro": {"sv": "Läs in aktörer, projekt och relationer från ett kalkylark (XLSX eller CSV), eller ladda ner "
                       "grafen som ett kalkylark. Varje uppgift får kalkylarket, bladet och raden som källa.",
                 "en": "Read actors, projects and relations from a spreadsheet (XLSX or CSV), or download the graph "
                       "as a spreadsheet. Every fact keeps the spreadsheet, the sheet and the row as its source."},
    "dt_template_h": {"sv": "Mall", "en": "Template"},
    "dt_template_text": {"sv": "Mallen har bladen Aktörer, Projekt och Relationer med exempelrader, och ett blad "
                               "Anvisningar som förklarar varje kolumn och de tillåtna värdena.",
                         "en": "The template has the sheets Aktörer (actors), Projekt (projects) and Relationer "
                               "(relations) with example rows, and a sheet Anvisningar that explains every column "
                               "and the allowed values."},
    "dt_template_button": {"sv": "Ladda ner mallen (XLSX)", "en": "Download the template (XLSX)"},
    "dt_export_button": {"sv": "Ladda ner grafen som kalkylark (XLSX)",
                         "en": "Download the graph as a spreadsheet (XLSX)"},
    "dt_import_h": {"sv": "Importera", "en": "Import"},
    "dt_upload": {"sv": "Välj ett kalkylark (XLSX eller CSV) att förhandsgranska",
                  "en": "Choose a spreadsheet (XLSX or CSV) to preview"},
    "dt_upload_hint": {"sv": "Filen läses och kontrolleras, men ingenting sparas förrän du bekräftar. "
                             "Här tas filer upp till {size} emot; större filer importeras med fardplan import.",
                       "en": "The file is read and checked, but nothing is saved until you confirm. "
                             "Files up to {size} are taken here; import larger ones with fardplan import."},
    "dt_edits_off": {"sv": "Import är avstängd i den här utforskaren: du kan ladda ner mallen och förhandsgranska en "
                           "fil, men inte spara den. Starta utforskaren med fardplan serve --allow-edits (eller "
                           "miljövariabeln FARDPLAN_ALLOW_EDITS=1) för att slå på import, eller importera filen med "
                           "fardplan import FIL.xlsx.",
                     "en": "Importing is turned off in this explorer: you can download the template and preview a "
                           "file, but not save it. Start the explorer with fardplan serve --allow-edits (or the "
                           "environment variable FARDPLAN_ALLOW_EDITS=1) to turn importing on, or import the file "
                           "with fardplan import FILE.xlsx."},
    "dt_edits_on": {"sv": "Import är påslagen: en bekräftad import sparas i grafen.",
                    "en": "Importing is on: a confirmed import is saved in the graph."},
    "dt_confirm": {"sv": "Bekräfta och importera", "en": "Confirm and import"},
    "dt_no_file": {"sv": "Ingen fil vald ännu.", "en": "No file chosen yet."},
    "dt_preview_h": {"sv": "Förhandsgranskning av {file}", "en": "Preview of {file}"},
    "dt_ok": {"sv": "Alla {rows} rader godkändes: {quads} tripler skulle läggas till.",
              "en": "All {rows} rows passed: {quads} triples would be added."},
    "dt_nothing": {"sv": "Alla {rows} rader godkändes, men allt finns redan i grafen: ingenting att lägga till.",
                   "en": "All {rows} rows passed, but everything is already in the graph: nothing to add."},
    "dt_failed": {"sv": "{n} fel: ingenting kan importeras förrän de är rättade.",
                  "en": "{n} problems: nothing can be imported until they are fixed."},
    "dt_errors_caption": {"sv": "Fel, med blad, rad och kolumn", "en": "Problems, with sheet, row and column"},
    "dt_sheet": {"sv": "Blad", "en": "Sheet"},
    "dt_row": {"sv": "Rad", "en": "Row"},
    "dt_column": {"sv": "Kolumn", "en": "Column"},
    "dt_message": {"sv": "Fel", "en": "Problem"},
    "dt_counts_caption": {"sv": "Vad importen gör", "en": "What the import does"},
    "dt_new": {"sv": "nya", "en": "new"},
    "dt_changed": {"sv": "ändrade", "en": "changed"},
    "dt_matched": {"sv": "finns redan", "en": "already there"},
    "dt_actors": {"sv": "Aktörer", "en": "Actors"},
    "dt_projects": {"sv": "Projekt", "en": "Projects"},
    "dt_relations": {"sv": "Relationer", "en": "Relations"},
    "dt_documents": {"sv": "Källdokument", "en": "Source documents"},
    "dt_name": {"sv": "Namn", "en": "Name"},
    "dt_status": {"sv": "Vad som händer", "en": "What happens"},
    "dt_status_new": {"sv": "läggs till", "en": "added"},
    "dt_status_matched": {"sv": "finns redan: {label}", "en": "already there: {label}"},
    "dt_status_changed": {"sv": "finns redan: {label}; får {what}", "en": "already there: {label}; gets {what}"},
    "dt_status_existing": {"sv": "finns redan", "en": "already there"},
    "dt_change_label_en": {"sv": "engelskt namn", "en": "an English name"},
    "dt_change_description": {"sv": "beskrivning", "en": "a description"},
    "dt_type_differs": {"sv": " (typen i filen skiljer sig; den befintliga behålls)",
                        "en": " (the file's type differs; the existing one is kept)"},
    "dt_relation": {"sv": "Relation", "en": "Relation"},
    "dt_mode_h": {"sv": "Grund", "en": "Mode"},
    "dt_mode_stated": {"sv": "uttalad", "en": "stated"},
    "dt_mode_interpreted": {"sv": "tolkning", "en": "interpretation"},
    "dt_more": {"sv": "… och {n} rader till", "en": "… and {n} more rows"},
    "dt_ignored": {"sv": "Bladen {names} hoppades över (mallen har Aktörer, Projekt och Relationer).",
                   "en": "The sheets {names} were skipped (the template has Aktörer, Projekt and Relationer)."},
    "dt_done": {"sv": "Importerat från {file}: {quads} tripler sparades. Sök efter det nya i Utforska.",
                "en": "Imported from {file}: {quads} triples saved. Search for what is new in Explore."},
    "dt_done_history": {"sv": "Importen är en ändring i historiken nedan (”{what}”) och kan ångras där.",
                        "en": "The import is a change in the history below (“{what}”) and can be undone there."},
    "dt_who_needed": {"sv": "Skriv ditt namn under Vem och varför först: importen sparas i historiken med det. "
                            "Ingenting sparades.",
                      "en": "Give your name under Who and why first: the import is kept in the history with it. "
                            "Nothing was saved."},
    "dt_refused": {"sv": "Import är avstängd; ingenting sparades.",
                   "en": "Importing is turned off; nothing was saved."},
    "dt_to_explore": {"sv": "Till Utforska", "en": "To Explore"},
    "dt_who_h": {"sv": "Vem och varför", "en": "Who and why"},
    "dt_who_note": {"sv": "Importer, ångringar och beslut om förslag sparas i historiken med ditt namn, tid och "
                          "skäl.",
                    "en": "Imports, undos and decisions on proposals are kept in the history with your name, the "
                          "time and the reason."},
    "dt_why": {"sv": "Varför? (sparas med importen, ångringen eller beslutet)",
               "en": "Why? (kept with the import, undo or decision)"},
    "dt_history_h": {"sv": "Ändringshistorik", "en": "Change history"},
    "dt_history_caption": {"sv": "Ändringar, de senaste först", "en": "Changes, newest first"},
    "dt_history_none": {"sv": "Inga ändringar ännu.", "en": "No changes yet."},
    "dt_history_count": {"sv": "{n} ändringar.", "en": "{n} changes."},
    "dt_history_count_one": {"sv": "1 ändring.", "en": "1 change."},
    "dt_history_count_more": {"sv": "{n} ändringar; de {shown} senaste visas.",
                              "en": "{n} changes; the newest {shown} are shown."},
    "dt_history_readonly": {"sv": "Historiken kan läsas här; ångra går bara när utforskaren körs med "
                                  "--allow-edits.",
                            "en": "The history can be read here; undoing needs the explorer run with --allow-edits."},
    "dt_when": {"sv": "När", "en": "When"},
    "dt_who": {"sv": "Vem", "en": "Who"},
    "dt_what": {"sv": "Vad", "en": "What"},
    "dt_why_h": {"sv": "Varför", "en": "Why"},
    "dt_state": {"sv": "Läge", "en": "State"},
    "dt_action": {"sv": "Åtgärd", "en": "Action"},
    "dt_no_why": {"sv": "(inget skäl angivet)", "en": "(no reason given)"},
    "dt_in_effect": {"sv": "gäller", "en": "in effect"},
    "dt_undone_by": {"sv": "ångrad {when} av {who}", "en": "undone {when} by {who}"},
    "dt_undone": {"sv": "ångrad", "en": "undone"},
    "dt_undoes": {"sv": "ångrar ändringen från {when}", "en": "undoes the change of {when}"},
    "dt_undo": {"sv": "Ångra", "en": "Undo"},
    "dt_undo_label": {"sv": "Ångra ändringen: {what}", "en": "Undo the change: {what}"},
    "dt_reply_h": {"sv": "Nästa remissvar", "en": "Next reply"},
    "dt_reply_text": {"sv": "Ladda upp nästa remissvar som text (TXT) eller PDF. Texten läses, å, ä och ö återställs "
                            "och strategier, aktörer, projekt och relationer föreslås, var och en med sitt ställe i "
                            "texten. Ingenting kommer in i grafen förrän du har godkänt det här nedan.",
                      "en": "Upload the next remiss reply as text (TXT) or PDF. The text is read, å, ä and ö are "
                            "restored, and strategies, actors, projects and relations are proposed, each with its "
                            "place in the text. Nothing enters the graph until you accept it below."},
    "dt_reply_off": {"sv": "Uppladdning av remissvar är avstängd i den här utforskaren, eftersom den är skrivskyddad "
                           "(den offentliga utforskaren ändras aldrig). Starta den med fardplan serve --allow-edits "
                           "(eller FARDPLAN_ALLOW_EDITS=1) för att ladda upp och granska, eller använd fardplan "
                           "ingest och fardplan review på kommandoraden.",
                     "en": "Uploading replies is off in this explorer because it is read-only (the public explorer "
                           "never changes). Start it with fardplan serve --allow-edits (or FARDPLAN_ALLOW_EDITS=1) to "
                           "upload and review, or use fardplan ingest and fardplan review on the command line."},
    "dt_reply_upload": {"sv": "Välj ett remissvar (TXT eller PDF) att läsa in", "en": "Choose a reply (TXT or PDF) "
                                                                                     "to read"},
    "dt_reply_hint": {"sv": "Ange ditt namn ovan först: det sparas med inläsningen. Förslagen hamnar i "
                            "granskningskön.",
                      "en": "Give your name above first: it is kept with the ingest. The proposals go to the review "
                            "queue."},
    "dt_reply_queued": {"sv": "{name} är inläst: {entities} enheter och {relations} relationer föreslås i kön.",
                        "en": "{name} is read: {entities} entities and {relations} relations proposed in the queue."},
    "dt_review_h": {"sv": "Granskningskö", "en": "Review queue"},
    "dt_review_none": {"sv": "Inga förslag att granska. Ladda upp ett remissvar.",
                       "en": "No proposals to review. Upload a reply."},
    "dt_review_count": {"sv": "{open} att granska, {accepted} godkända, {rejected} avvisade.",
                        "en": "{open} to review, {accepted} accepted, {rejected} rejected."},
    "dt_review_more": {"sv": "De första {shown} visas.", "en": "The first {shown} are shown."},
    "dt_review_list": {"sv": "Förslag", "en": "Proposals"},
    "dt_review_relation": {"sv": "Relation", "en": "Relation"},
    "dt_review_new": {"sv": "ny i grafen", "en": "new to the graph"},
    "dt_review_existing": {"sv": "finns i grafen", "en": "already in the graph"},
    "dt_review_raw": {"sv": "Råtext (tecken {start}–{end})", "en": "Raw text (characters {start}–{end})"},
    "dt_review_restored": {"sv": "Återställd läsning", "en": "Restored reading"},
    "dt_review_found": {"sv": "Hittad genom {how} · säkerhet {confidence}",
                        "en": "Found by {how} · confidence {confidence}"},
    "dt_review_mode": {"sv": "Grund: {mode}", "en": "Basis: {mode}"},
    "dt_review_label": {"sv": "Namn (rätta före godkännande)", "en": "Name (correct it before accepting)"},
    "dt_review_accept": {"sv": "Godkänn", "en": "Accept"},
    "dt_review_reject": {"sv": "Avvisa", "en": "Reject"},
    "dt_review_accept_label": {"sv": "Godkänn: {label}", "en": "Accept: {label}"},
    "dt_review_reject_label": {"sv": "Avvisa: {label}", "en": "Reject: {label}"},
    "dt_review_open": {"sv": "att granska", "en": "to review"},
    "dt_review_accepted": {"sv": "godkänd av {who} {when}", "en": "accepted by {who} {when}"},
    "dt_review_rejected": {"sv": "avvisad av {who} {when}", "en": "rejected by {who} {when}"},
    "dt_review_done_accept": {"sv": "Godkänt: {what}", "en": "Accepted: {what}"},
    "dt_review_done_reject": {"sv": "Avvisat: {label}", "en": "Rejected: {label}"},
    "dt_review_failed": {"sv": "Inte gjort: {error}", "en": "Not done: {error}"},
    "dt_need_who": {"sv": "Inte gjort: skriv ditt namn under ”Vem och varför” först (det sparas i den här "
                          "webbläsaren och i historiken).",
                    "en": "Not done: give your name under “Who and why” first (it is kept in this browser and in "
                          "the history)."},
    "dt_review_off": {"sv": "Granskning är avstängd i den här utforskaren", "en": "Reviewing is off in this "
                                                                                 "explorer"},
    "dt_review_missing": {"sv": "Förslaget finns inte", "en": "No such proposal"},
    "dt_review_conflict": {"sv": "Förslaget är redan avgjort eller krockar med grafen",
                           "en": "The proposal is already decided or conflicts with the graph"},
    "dt_review_invalid": {"sv": "Kontrollera uppgifterna", "en": "Check the input"},
    "dt_review_bad_file": {"sv": "Filen kunde inte läsas", "en": "The file could not be read"},
    "dt_found_label": {"sv": "grafens namn", "en": "the graph's label"},
    "dt_found_alias": {"sv": "ett alternativt namn i grafen", "en": "an alias in the graph"},
    "dt_found_numbering": {"sv": "strategins numrering", "en": "the strategy's numbering"},
    "dt_found_wording": {"sv": "strategins ordalydelse", "en": "the strategy's wording"},
    "dt_found_pattern": {"sv": "mönstret ”{what}”", "en": "the pattern “{what}”"},
    "dt_found_ner": {"sv": "namnigenkänningsmodellen {what}", "en": "the named-entity model {what}"},
    # Compare page (/jamfor)
    "cmp_intro": {"sv": "Remissvaren sida vid sida: per strategi vilka svar som nämner den, vad de säger och vilka "
                        "aktörer de delar.",
                  "en": "The replies side by side: per strategy, which replies mention it, what they say and which "
                        "actors they share."},
    "cmp_which": {"sv": "Visa", "en": "Show"},
    "cmp_which_mentioned": {"sv": "Strategier som något svar nämner", "en": "Strategies a reply mentions"},
    "cmp_which_several": {"sv": "Strategier som flera svar nämner", "en": "Strategies several replies mention"},
    "cmp_which_all": {"sv": "Alla strategier", "en": "All strategies"},
    "cmp_loaded": {"sv": "{n} remissvar inlästa:", "en": "{n} replies loaded:"},
    "cmp_one": {"sv": "Bara ett remissvar är inläst. Läs in fler (fardplan ingest, fardplan load eller sidan Data) "
                      "för att jämföra dem.",
                "en": "Only one reply is loaded. Load more (fardplan ingest, fardplan load or the Data page) to "
                      "compare them."},
    "cmp_none": {"sv": "Inga remissvar är inlästa.", "en": "No replies are loaded."},
    "cmp_passages": {"sv": "{n} källstycken", "en": "{n} source passages"},
    "cmp_caption": {"sv": "{shown} av {total} strategier: aktörer som når strategin enligt varje svar, och vad svaret "
                          "säger", "en": "{shown} of {total} strategies: actors reaching the strategy according to "
                                         "each reply, and what the reply says"},
    "cmp_strategy": {"sv": "Strategi", "en": "Strategy"},
    "cmp_shared": {"sv": "Delade aktörer", "en": "Shared actors"},
    "cmp_says": {"sv": "Vad svaret säger ({n})", "en": "What the reply says ({n})"},
    "cmp_not_mentioned": {"sv": "Nämns inte", "en": "Not mentioned"},
    "cmp_no_actors": {"sv": "Inga aktörer", "en": "No actors"},
    "cmp_no_rows": {"sv": "Inga strategier att visa med det valet.", "en": "No strategies to show with that choice."},
    "net_reply": {"sv": "Källa", "en": "Source"},
    "net_all_replies": {"sv": "Alla källor", "en": "All sources"},
}

# A node kind's singular and plural name by language (from the one table of kinds).
KIND_NAMES: dict[str, dict[str, tuple[str, str]]] = {k.name: {"sv": k.sv, "en": k.en} for k in KIND_TABLE}


def lang_or_default(lang: str | None) -> str:
    """``lang`` if supported, else Swedish."""
    return lang if lang in LANGS else "sv"


def t(key: str, lang: str = "sv", **values) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``values``."""
    return TEXT[key][lang_or_default(lang)].format(**values)


def number(n: int, lang: str = "sv") -> str:
    """``n`` with thousands grouped: ``3 043`` in Swedish (no-break space), ``3,043`` in English."""
    return f"{n:,}".replace(",", "\u00a0" if lang_or_default(lang) == "sv" else ",")


def kind_name(kind: str, lang: str = "sv", count: int = 1) -> str:
    """A node kind's name in ``lang``, singular or plural by ``count``."""
    singular, plural = KIND_NAMES[kind][lang_or_default(lang)]
    return singular if count == 1 else plural
