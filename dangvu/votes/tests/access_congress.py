MATRIX: dict = {}


def objects(personas):
    return {}
