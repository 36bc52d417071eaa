"""Stage 4, the models: referential, declaration, audit file, and the report every renderer reads (inputs → … → report)."""
