"""Stage 5, rendering: a report (or listing, diff, check result) to bytes, one module per format behind one typed registry."""
