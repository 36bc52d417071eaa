"""Stage 1, the referential: load an edition strictly, check its consistency, index it; compare two editions and migrate a declaration."""
