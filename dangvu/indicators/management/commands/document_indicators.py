from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from dangvu.indicators.registry import GROUP_LABELS, REGISTRY

HEADER = """# Indicators

Generated from the registry by `python manage.py document_indicators`; do not edit by hand.
Every screen, target, report, export and API figure comes from these functions
(`indicators.registry.compute`). Stocks ("on the last day") are counted from membership
spells or the tree as it stood that day; flows are counted over the period, first and last
day included. Rates are numerator / denominator × 100, rounded half-up to two decimals.
"""


class Command(BaseCommand):
    help = "Write docs/indicators.md from the indicator registry."

    def handle(self, *args, **options):
        lines = [HEADER]
        with translation.override("vi"):
            for group, title in GROUP_LABELS.items():
                members = sorted((i for i in REGISTRY.values() if i.group == group), key=lambda i: i.code)
                if not members:
                    continue
                lines.append(f"\n## {title}\n")
                lines.append("| code | label | unit | kind | definition | example in the reports |")
                lines.append("| --- | --- | --- | --- | --- | --- |")
                for ind in members:
                    kind = "rate" if ind.is_rate else ("on the last day" if ind.as_of_end else "over the period")
                    example = f"“{ind.example}”" if ind.example else ""
                    lines.append(f"| `{ind.code}` | {ind.label} | {ind.unit} | {kind} | {ind.doc} | {example} |")
        path = Path(settings.BASE_DIR) / "docs" / "indicators.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.stdout.write(f"{path}: {len(REGISTRY)} indicators")
