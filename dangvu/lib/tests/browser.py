"""Helpers for browser tests that fill searched choices (lib.forms.SearchChoiceField)."""


def pick(page, name: str, typed: str, option_text: str = "") -> None:
    """Type `typed` in the search box of field `name` and click the first match (holding `option_text`)."""
    page.fill(f"input[name={name}_q]", typed)
    options = page.locator(f"#id_{name}_list [role=option]")
    if option_text:
        options = options.filter(has_text=option_text)
    options.first.click()
    assert page.input_value(f"input[type=hidden][name={name}]")


def pick_another(page, name: str, typed: str, option_text: str = "") -> None:
    """Type `typed` in the search box of a several-choices field `name` and click the first match: it is ticked
    above the box."""
    before = page.locator(f"[data-name={name}] [data-search-choice-picked] input:checked").count()
    page.fill(f"input[name={name}_q]", typed)
    options = page.locator(f"#id_{name}_list [role=option]")
    if option_text:
        options = options.filter(has_text=option_text)
    options.first.click()
    assert page.locator(f"[data-name={name}] [data-search-choice-picked] input:checked").count() == before + 1
