"""Feature: many declarations evaluated together, habilitation links resolved across them, and the portfolio's renderers."""
