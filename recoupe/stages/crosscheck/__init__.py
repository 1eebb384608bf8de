"""recoupe.stages.crosscheck."""
