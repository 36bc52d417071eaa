"""Use cases, one per command: a request object in, load → evaluate → render → write atomically. The CLI calls these only."""
