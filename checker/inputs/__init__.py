"""Stage 0, inputs: read files safely (size, type, UTF-8, strict YAML), validate them against a model, resolve ``extends:``. Knows nothing of PSC."""
