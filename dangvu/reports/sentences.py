"""The sandbox report sentences are rendered in, and the check a sentence passes before it is saved.

Staff edit the standard sentences as Django templates (reports/default_sentences.py). One edit
(`{{ org|count }}`, an `{% include %}`) once made every report creation a server error. So:

- the sentences are rendered by their own engine with no built-in library: only the tags and filters
  below exist (what the default sentences use, and `default`); `{% include %}`, `{% extends %}`,
  `{% load %}`, `{% for %}`, `{% debug %}`, `{% url %}`… are "unknown tags" there;
- autoescape is off: the text goes into DOCX/XLSX/PDF, not HTML (the screens escape it when they show it);
- `check()` refuses, on save, a template that does not parse, names a figure or variable that does not
  exist, is too long, or fails when filled with sample figures (all zero, and all non-zero);
- a stored template that still fails when a report is compiled is replaced by its default sentence
  (reports.compile.prefilled_sections), with a warning: a report is never a server error.
"""

from decimal import Decimal

from django.template import Context, Engine, Library, TemplateSyntaxError, defaultfilters, defaulttags
from django.template.base import FilterExpression, Variable, VariableNode
from django.template.defaulttags import IfNode, TemplateLiteral
from django.utils.translation import gettext as _

from dangvu.reports.templatetags import report_tags

MAX_LENGTH = 4000  # characters; the longest default sentence has about 900

register = Library()
register.tag("if", defaulttags.do_if)  # with its elif/else/endif
register.filter("default", defaultfilters.default)
for _name in ("count", "num", "pct"):
    register.filter(_name, report_tags.register.filters[_name])

ALLOWED_TAGS = sorted(register.tags)
ALLOWED_FILTERS = sorted(register.filters)


class SandboxEngine(Engine):
    default_builtins = []  # not Django's tags and filters: only `register` above


ENGINE = SandboxEngine(builtins=["dangvu.reports.sentences"], autoescape=False, libraries={})


class SentenceError(Exception):
    """Why a sentence template cannot be used, in a sentence for staff."""


def sample_context(*, zero: bool = False) -> dict:
    """Every name a sentence may use (reports.compile.sentence_context), with sample values."""
    from dangvu.indicators.registry import REGISTRY
    from dangvu.reports.compile import nested

    figures = {
        code: (Decimal(0) if zero else Decimal("79.61")) if indicator.is_rate else (0 if zero else 7)
        for code, indicator in REGISTRY.items()
    }
    from dangvu.reports.narrative import AREA_TITLES, COMPARED

    words = "" if zero else "mẫu"
    return {
        "i": nested(figures),
        "org": "Đảng bộ Khối các cơ quan tỉnh",
        "issuer": "Đảng ủy Khối các cơ quan tỉnh",
        "org_short": "Đảng bộ Khối",
        "period": "năm 2026",
        "start_date": "01/01/2026",
        "end_date": "31/12/2026",
        "year": "2026",
        "badge_breakdown": words,
        "discipline_breakdown": words,
        "letters_breakdown": words,
        "documents_list": words,
        "organization_changes": words,
        "next_period": "năm 2027",
        "period_in_prose": "năm 2026",
        "report_subject": "tổng kết công tác xây dựng Đảng năm 2026, phương hướng, nhiệm vụ năm 2027",
        "is_base": not zero,
        "is_term": zero,
        "subordinates": "các tổ chức cơ sở đảng trực thuộc",
        "leading_body": "Ban Thường vụ",
        "documents_named": words,
        "documents_by_type": words,
        "inspections_done": words,
        "violations": words,
        "programme": {
            "total": 0 if zero else 20,
            "done": 0 if zero else 18,
            "done_pct": Decimal(0) if zero else Decimal("90.00"),
            "postponed": words,
        },
        "vs": nested({code: "" if zero else "tăng 03 so với cùng kỳ năm trước" for code in COMPARED}),
        "plan": nested({code: "" if zero else "đạt 78,50% kế hoạch năm" for code in REGISTRY}),
        "strengths": words,
        "weaknesses": words,
        "next_tasks": words,
        "done": {area: words for area in AREA_TITLES},
    }


def render(text: str, context: dict) -> str:
    """Fill a sentence template; raises SentenceError (or the error of a filter) when it cannot be filled."""
    try:
        template = ENGINE.from_string(text)
    except TemplateSyntaxError as error:
        raise SentenceError(_("The template cannot be read: %(reason)s") % {"reason": _reason(error)}) from None
    return template.render(Context(context, autoescape=False))


def check(text: str) -> None:
    """Refuse a template that would fail or say nothing sensible when a report is compiled."""
    if len(text) > MAX_LENGTH:
        raise SentenceError(
            _("The template is too long (%(length)d characters; at most %(max)d).")
            % {"length": len(text), "max": MAX_LENGTH}
        )
    try:
        template = ENGINE.from_string(text)
    except TemplateSyntaxError as error:
        raise SentenceError(_("The template cannot be read: %(reason)s") % {"reason": _reason(error)}) from None
    sample = sample_context()
    unknown = sorted({name for name in _names(template.nodelist) if not _known(name, sample)})
    if unknown:
        raise SentenceError(
            _("Unknown names: %(names)s. The figures are listed in docs/indicators.md.") % {"names": ", ".join(unknown)}
        )
    for context in (sample, sample_context(zero=True)):
        try:
            template.render(Context(context, autoescape=False))
        except Exception as error:  # a filter given what it cannot take: the reason is shown, not a server error
            raise SentenceError(
                _("The template fails when filled with sample figures: %(reason)s") % {"reason": error}
            ) from None


def _reason(error: TemplateSyntaxError) -> str:
    text = str(error)
    if text.startswith("Invalid block tag"):
        tag = text.split("'")[1] if "'" in text else text
        return _("the tag “%(tag)s” is not allowed (allowed: %(allowed)s)") % {
            "tag": tag,
            "allowed": ", ".join(ALLOWED_TAGS),
        }
    if text.startswith("Invalid filter"):
        name = text.split("'")[1] if "'" in text else text
        return _("the filter “%(filter)s” is not allowed (allowed: %(allowed)s)") % {
            "filter": name,
            "allowed": ", ".join(ALLOWED_FILTERS),
        }
    return text


def _names(nodelist):
    """The dotted names (i.members.admitted, org_short) a template reads, in output and conditions."""
    for node in nodelist:
        if isinstance(node, VariableNode):
            yield from _expression_names(node.filter_expression)
        elif isinstance(node, IfNode):
            for condition, nodes in node.conditions_nodelists:
                if condition is not None:
                    yield from _condition_names(condition)
                yield from _names(nodes)


def _condition_names(condition):
    if isinstance(condition, TemplateLiteral):
        yield from _expression_names(condition.value)
        return
    for part in (getattr(condition, "first", None), getattr(condition, "second", None)):
        if part is not None:
            yield from _condition_names(part)


def _expression_names(expression: FilterExpression):
    for variable in [expression.var, *(arg for _f, args in expression.filters for _lookup, arg in args)]:
        if isinstance(variable, Variable) and variable.lookups:
            yield variable.var


def _known(name: str, sample: dict) -> bool:
    node = sample
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True
