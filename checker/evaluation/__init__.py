"""Stage 3, evaluation (pure, the clock passed in): applicability, evidence, habilitations, parcours, outcomes, regression, audit verdicts."""
