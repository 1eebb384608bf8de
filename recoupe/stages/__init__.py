"""The built-in stages. Each module registers one named stage with its contract."""
