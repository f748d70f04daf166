"""Access rows of the votes app: confidence votes and congresses contribute their own (see the two modules)."""

from dangvu.votes.tests import access_confidence, access_congress

LOGIN = "login"

MATRIX = {**access_confidence.MATRIX, **access_congress.MATRIX}


def objects(personas):
    return {**access_confidence.objects(personas), **access_congress.objects(personas)}
