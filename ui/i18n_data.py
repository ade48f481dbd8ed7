"""UI strings of the Data page (``/data``, issue 14), merged into :data:`ui.i18n.TEXT`."""

from __future__ import annotations

TEXT_DATA: dict[str, dict[str, str]] = {
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
    "dt_refused": {"sv": "Import är avstängd; ingenting sparades.",
                   "en": "Importing is turned off; nothing was saved."},
    "dt_to_explore": {"sv": "Till Utforska", "en": "To Explore"},
}
