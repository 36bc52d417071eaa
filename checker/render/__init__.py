"""Renderers: one module per output format behind one small interface (see :mod:`checker.render.registry`)."""
