from pathlib import Path

from django.core.management.base import BaseCommand

from dangvu.checker import scoring


class Command(BaseCommand):
    help = "Recall and precision of the checker on the appendices with planted errors (checker/tests/appendices)."

    def add_arguments(self, parser):
        parser.add_argument("--examples", help="the folder of ../shared/examples, to score its appendix too")
        parser.add_argument(
            "--typos", action="store_true", help="also change each figure by one, one at a time, and count the flagged"
        )

    def handle(self, *args, examples=None, typos=False, **options):
        folder = Path(examples) if examples else None
        scores = [scoring.score(path, key) for path, key in scoring.key_files(folder)]
        self.stdout.write(scoring.table(scores))
        for s in scores:
            for error in s.missed:
                self.stdout.write(f"missed: {s.name} line {error['line']} ({error['kind']}): {error['why']}")
            for line, finding in s.false:
                self.stdout.write(f"false: {s.name} line {line} ({finding.kind}): {finding.message}")
        if typos:
            results = [scoring.mutations(path, key) for path, key in scoring.key_files(folder)]
            self.stdout.write("")
            self.stdout.write(scoring.mutations_table(results))
