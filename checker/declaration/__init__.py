"""Stage 2, the declaration: load it against a referential, write the ``init`` template, list the files it names."""
