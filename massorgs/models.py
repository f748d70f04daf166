"""Models of the massorgs app."""
