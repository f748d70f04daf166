"""Models of the cadres app."""
