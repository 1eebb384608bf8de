"""Evaluation: ROUGE as issue 3 defines it, peer summarisers, and the RPM2 runner."""
