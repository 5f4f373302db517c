"""Help and crisis support, and the first run's welcome."""
