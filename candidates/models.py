"""Models of the candidates app."""
