"""Loading data that is not RDF into the store: spreadsheets (:mod:`graph.load.sheets`)."""
