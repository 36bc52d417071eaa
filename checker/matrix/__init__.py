"""Feature: the auditor's evidence matrix, the whole round trip (layout, xlsx writer, archive pre-scan, reader, row checks, importer)."""
