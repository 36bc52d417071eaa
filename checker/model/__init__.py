"""Typed models of psc-check's inputs: the referential and the declaration."""
