"""The psc-check command line: thin commands over the pure core."""
